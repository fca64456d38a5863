using System.Runtime.CompilerServices;

// The kernel tests drive the Vector256 and scalar micro-kernels directly, which the CPU dispatch would never pick here.
[assembly: InternalsVisibleTo("MatGenDiscovery.Tensors.Tests")]
