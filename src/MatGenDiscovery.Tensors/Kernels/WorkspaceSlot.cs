namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>Independent scratch buffers a thread may hold at the same time.</summary>
internal enum WorkspaceSlot
{
    PackedA,
    PackedB,
    Columns,
    PartialSum,
    Gathered,
    PackedWeight,
}
