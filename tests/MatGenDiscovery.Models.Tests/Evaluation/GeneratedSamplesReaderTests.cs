using MatGenDiscovery.Models.Evaluation;

namespace MatGenDiscovery.Models.Tests.Evaluation;

public sealed class GeneratedSamplesReaderTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"generated-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    private GeneratedSamples Read(string text)
    {
        File.WriteAllText(_file, text);
        return GeneratedSamplesReader.Read(_file);
    }

    [Fact]
    public void Read_OneSamplePerRow_GivesRowPositionsAndNoCounts()
    {
        var samples = Read("formula\nNaCl\nKBr\nNaCl\n");

        samples.Compositions.Select(c => c.ReducedFormula).Should().Equal("NaCl", "KBr", "NaCl");
        samples.Counts.Should().BeNull();
        samples.Drawn.Should().Be(3);
        Enumerable.Range(0, 3).Select(samples.FirstIndex).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void Read_CompactFile_GivesCountsFirstIndicesAndUndecoded()
    {
        var samples = Read("formula,count,first_index\nNaCl,3,0\nKBr,1,2\n,2,1\n");

        samples.Compositions.Select(c => c.ReducedFormula).Should().Equal("NaCl", "KBr");
        samples.Counts.Should().Equal(3, 1);
        samples.FirstIndices.Should().Equal(0, 2);
        samples.Undecoded.Should().Be(2);
        samples.Drawn.Should().Be(6);
        samples.UndecodedShare.Should().BeApproximately(1.0 / 3, 1e-12);
        samples.Unparsable.Should().Be(0);
    }

    [Theory]
    [InlineData("NaCl,0,0", "count '0'")]
    [InlineData("NaCl,x,0", "count 'x'")]
    [InlineData("NaCl,2,-1", "first_index '-1'")]
    public void Read_BadCountOrIndex_ThrowsNamingFileLineAndValue(string row, string message)
    {
        var act = () => Read($"formula,count,first_index\nKBr,1,0\n{row}\n");

        act.Should().Throw<InvalidDataException>().WithMessage($"*{Path.GetFileName(_file)}*line 3*{message}*");
    }

    [Theory]
    [InlineData("MgO,1,0", "line 3: first_index 0 repeats line 2's")]
    [InlineData(",1,0", "line 3: first_index 0 repeats line 2's")]
    [InlineData("MgO,1,7", "line 3: first_index 7 is beyond the 4 samples")]
    public void Read_FirstIndexRepeatedOrBeyondTheSamples_Throws(string row, string message)
    {
        // Line 2's KBr claims sample 0 of its three; a second part joined unshifted would claim 0 again.
        var act = () => Read($"formula,count,first_index\nKBr,3,0\n{row}\n");

        act.Should().Throw<InvalidDataException>().WithMessage($"*{Path.GetFileName(_file)}*{message}*");
    }
}
