using MatGenDiscovery.NeuralNetworks.Checkpoints;

namespace MatGenDiscovery.NeuralNetworks.Tests.Checkpoints;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("atomic-writer-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_WriterThrowsHalfway_LeavesNoFileAndNoTemporary()
    {
        var path = Path.Combine(_directory, "new.bin");

        var act = () => AtomicFileWriter.Write(path, stream =>
        {
            stream.Write(new byte[100]);
            throw new IOException("disk full");
        });

        act.Should().Throw<IOException>().WithMessage("disk full");
        Directory.GetFiles(_directory).Should().BeEmpty();
    }

    [Fact]
    public void Write_WriterThrowsOverExistingFile_KeepsOldContent()
    {
        var path = Path.Combine(_directory, "old.bin");
        File.WriteAllBytes(path, [1, 2, 3]);

        var act = () => AtomicFileWriter.Write(path, stream =>
        {
            stream.Write(new byte[] { 9, 9 });
            throw new InvalidOperationException("boom");
        });

        act.Should().Throw<InvalidOperationException>();
        File.ReadAllBytes(path).Should().Equal(1, 2, 3);
        Directory.GetFiles(_directory).Should().Equal(path);
    }

    [Fact]
    public void Write_Success_ReplacesContent()
    {
        var path = Path.Combine(_directory, "replace.bin");
        File.WriteAllBytes(path, [1, 2, 3]);

        AtomicFileWriter.Write(path, stream => stream.Write(new byte[] { 7 }));

        File.ReadAllBytes(path).Should().Equal(7);
        Directory.GetFiles(_directory).Should().Equal(path);
    }
}
