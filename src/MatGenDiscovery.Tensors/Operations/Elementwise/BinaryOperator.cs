namespace MatGenDiscovery.Tensors.Operations.Elementwise;

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
