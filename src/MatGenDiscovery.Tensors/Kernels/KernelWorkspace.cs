using System.Runtime.CompilerServices;

namespace MatGenDiscovery.Tensors.Kernels;

/// <summary>
/// Per-thread scratch memory for the kernels, kept between calls so hot loops do not allocate.
/// Buffers live on the pinned object heap; returned pointers are 64-byte aligned and stay valid
/// until the same thread asks for the same slot again.
/// </summary>
internal static unsafe class KernelWorkspace
{
    private const int Alignment = 64;
    private const int SlotCount = 6;

    [ThreadStatic]
    private static float[]?[]? _buffers;

    public static float* Get(WorkspaceSlot slot, long length)
    {
        _buffers ??= new float[SlotCount][];
        long needed = length + Alignment / sizeof(float);
        float[]? buffer = _buffers[(int)slot];
        if (buffer is null || buffer.LongLength < needed)
        {
            buffer = GC.AllocateUninitializedArray<float>(checked((int)Math.Max(needed, (buffer?.LongLength ?? 0) * 3 / 2)), pinned: true);
            _buffers[(int)slot] = buffer;
        }

        nint address = (nint)Unsafe.AsPointer(ref buffer[0]);
        return (float*)((address + (Alignment - 1)) & ~(nint)(Alignment - 1));
    }
}
