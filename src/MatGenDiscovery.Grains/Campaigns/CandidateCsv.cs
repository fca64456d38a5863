using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MatGenDiscovery.Grains.Campaigns;

/// <summary>
/// The canonical CSV of a round's candidates (rows in formula order, numbers in round-trip "R" format) and its gzip
/// form. The text, not the gzip bytes, is what digests and comparisons use.
/// </summary>
public static class CandidateCsv
{
    public static string Path(string campaignId, int round) =>
        $"candidates/{campaignId}/{round.ToString("D4", CultureInfo.InvariantCulture)}.csv.gz";

    public static string ToText(IReadOnlyList<string> properties, IEnumerable<CandidateRecord> records)
    {
        var text = new StringBuilder();
        text.Append("formula,system,generators,rejection,known_in_training,");
        text.Append(string.Join(',', properties.Select(p => $"mean_{p},std_{p}")));
        text.Append(",score,acquisition,chosen,baseline_chosen,");
        text.Append(string.Join(',', properties.Select(p => $"true_{p}")));
        text.Append(",hit\n");
        foreach (var r in records.OrderBy(r => r.Formula, StringComparer.Ordinal))
        {
            text.Append(r.Formula).Append(',').Append(r.ChemicalSystem).Append(',').Append(r.Generators).Append(',')
                .Append(r.Rejection ?? "").Append(',').Append(Bool(r.KnownInTraining)).Append(',');
            for (var p = 0; p < properties.Count; p++)
            {
                text.Append(r.Means.Count > p ? Number(r.Means[p]) : "").Append(',')
                    .Append(r.Stds.Count > p ? Number(r.Stds[p]) : "").Append(',');
            }

            text.Append(Number(r.Score)).Append(',').Append(Number(r.Acquisition)).Append(',')
                .Append(Bool(r.Chosen)).Append(',').Append(Bool(r.BaselineChosen)).Append(',');
            for (var p = 0; p < properties.Count; p++)
            {
                text.Append(r.Revealed.Count > p ? Number(r.Revealed[p]) : "").Append(',');
            }

            text.Append(Bool(r.Hit)).Append('\n');
        }

        return text.ToString();
    }

    public static byte[] Compress(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    public static string Decompress(ReadOnlyMemory<byte> content)
    {
        using var gzip = new GZipStream(new MemoryStream(content.ToArray()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Bool(bool value) => value ? "1" : "0";

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
