using System.Buffers.Binary;
using System.Text;
using MatGenDiscovery.NeuralNetworks.Checkpoints;

namespace MatGenDiscovery.NeuralNetworks.Tests.Checkpoints;

public sealed class SafeTensorsFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("safetensors-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static byte[] Build(string header, byte[] data, ulong? declaredLength = null)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength ?? (ulong)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + headerBytes.Length);
        return bytes;
    }

    private string WriteRaw(byte[] bytes)
    {
        var path = PathOf($"raw-{Guid.NewGuid():N}.safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Floats(params float[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        return bytes;
    }

    [Fact]
    public void WriteThenRead_SpecialValues_RoundTripBitExact()
    {
        float[] special = [float.NaN, -0f, 0f, float.Epsilon, -1.1754942E-38f, float.PositiveInfinity, float.NegativeInfinity, 3.14159274f, BitConverter.Int32BitsToSingle(0x7FC00123)];
        var tensors = new Dictionary<string, Tensor>
        {
            ["special"] = Tensor.FromArray(special, 3, 3),
            ["scalar"] = Tensor.Scalar(-2.5f),
            ["empty"] = Tensor.Zeros(0, 4),
            ["random"] = Tensor.Randn(new Random(5), 7),
        };
        var path = PathOf("roundtrip.safetensors");

        SafeTensorsFile.Write(path, tensors, new Dictionary<string, string> { ["step"] = "100", ["seed"] = "7", ["config_hash"] = "abc" });
        var read = SafeTensorsFile.Read(path);

        read.Tensors.Keys.Should().Equal("special", "scalar", "empty", "random");
        foreach (var (name, tensor) in tensors)
        {
            read.Tensors[name].Shape.Should().Equal(tensor.Shape, name);
            read.Tensors[name].ToArray().Select(BitConverter.SingleToInt32Bits)
                .Should().Equal(tensor.ToArray().Select(BitConverter.SingleToInt32Bits), name);
        }

        read.Metadata.Should().BeEquivalentTo(new Dictionary<string, string> { ["step"] = "100", ["seed"] = "7", ["config_hash"] = "abc" });
    }

    [Fact]
    public void Write_Layout_IsEightByteAlignedHeaderFollowedByContiguousData()
    {
        var path = PathOf("layout.safetensors");

        SafeTensorsFile.Write(path, [new("a", Tensor.FromArray([1f, 2f], 2)), new("b", Tensor.FromArray([3f], 1))]);

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        (headerLength % 8).Should().Be(0);
        header.TrimEnd(' ').Should().Be("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""");
        bytes.AsSpan(8 + headerLength).ToArray().Should().Equal(Floats(1f, 2f, 3f));
    }

    [Fact]
    public void Read_HandBuiltFile_ParsesOutOfOrderOffsetsPaddingAndOtherDTypes()
    {
        var data = new byte[8 + 16 + 8];
        BinaryPrimitives.WriteInt64LittleEndian(data, -3);
        Floats(1.5f, 2.5f, 3.5f, 4.5f).CopyTo(data, 8);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(24), 0.25);
        var header = """{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[8,24]},"__metadata__":{"format":"pt"},"n":{"dtype":"I64","shape":[],"data_offsets":[0,8]},"d":{"dtype":"F64","shape":[1],"data_offsets":[24,32]}}   """;

        var read = SafeTensorsFile.Read(WriteRaw(Build(header, data)));

        read.Tensors.Keys.Should().Equal("w", "n", "d");
        read.Tensors["w"].Shape.Should().Equal(2, 2);
        read.Tensors["w"].ToArray().Should().Equal(1.5f, 2.5f, 3.5f, 4.5f);
        read.Tensors["n"].Item().Should().Be(-3f);
        read.Tensors["d"].ToArray().Should().Equal(0.25f);
        read.Metadata["format"].Should().Be("pt");
    }

    public static TheoryData<string, string> Corruptions => new()
    {
        { "truncated", "shorter than the 8-byte header length" },
        { "length-beyond-file", "header length 4096 exceeds" },
        { "bad-json", "header is not valid JSON" },
        { "not-object", "header must be a JSON object" },
        { "bad-dtype", "unsupported dtype 'Q8'" },
        { "offsets-beyond-data", "ends at byte 16 but the data section has 8 bytes" },
        { "offsets-not-shape", "spans 8 bytes but F32 shape [3] needs 12" },
        { "overlap", "overlaps tensor" },
        { "gap", "belong to no tensor" },
        { "trailing", "4 trailing bytes" },
        { "reversed-offsets", "begin <= end" },
        { "negative-shape", "not a non-negative 32-bit integer" },
        { "metadata-not-string", "__metadata__ value 'step' must be a string" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Read_CorruptFile_ThrowsInvalidDataNamingFileAndProblem(string corruption, string expected)
    {
        var eight = Floats(1f, 2f);
        var bytes = corruption switch
        {
            "truncated" => new byte[] { 1, 2, 3 },
            "length-beyond-file" => Build("{}", [], 4096),
            "bad-json" => Build("""{"a": {"dtype": "F32",""", eight),
            "not-object" => Build("[1, 2]", []),
            "bad-dtype" => Build("""{"a":{"dtype":"Q8","shape":[2],"data_offsets":[0,8]}}""", eight),
            "offsets-beyond-data" => Build("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", eight),
            "offsets-not-shape" => Build("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", eight),
            "overlap" => Build("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", eight),
            "gap" => Build("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", eight),
            "trailing" => Build("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", eight),
            "reversed-offsets" => Build("""{"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}}""", eight),
            "negative-shape" => Build("""{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", eight),
            _ => Build("""{"__metadata__":{"step":5}}""", []),
        };
        var path = WriteRaw(bytes);

        var act = () => SafeTensorsFile.Read(path);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(path).And.Contain(expected);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        FluentActions.Invoking(() => SafeTensorsFile.Read(PathOf("absent.safetensors"))).Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Write_ReservedOrRepeatedName_ThrowsAndKeepsExistingFile()
    {
        var path = PathOf("keep.safetensors");
        SafeTensorsFile.Write(path, [new("a", Tensor.Ones(2))]);
        var before = File.ReadAllBytes(path);

        var act = () => SafeTensorsFile.Write(path, [new("a", Tensor.Zeros(2)), new("a", Tensor.Zeros(1))]);

        act.Should().Throw<ArgumentException>().WithMessage("*'a'*repeated*");
        File.ReadAllBytes(path).Should().Equal(before);
        Directory.GetFiles(_directory).Should().Equal(path);
    }
}
