global using MatGenDiscovery.Tensors;
global using MatGenDiscovery.Tensors.Operations.Convolution;
global using MatGenDiscovery.Tensors.Operations.Elementwise;
global using MatGenDiscovery.Tensors.Operations.LinearAlgebra;
global using MatGenDiscovery.Tensors.Operations.LossFunctions;
global using MatGenDiscovery.Tensors.Operations.Normalization;
global using MatGenDiscovery.Tensors.Operations.Reductions;
global using MatGenDiscovery.Tensors.Operations.Shape;
global using Tensor = MatGenDiscovery.Tensors.Tensor;
