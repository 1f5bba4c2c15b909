using System.Globalization;

namespace ActorSegments.MlCheck;

/// <summary>
/// Plain CSV files for the scikit-learn peer: a header, then one line a row. Floats are written with nine significant
/// digits, enough to give Python back exactly the single-precision values the check used.
/// </summary>
internal static class CsvExport
{
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join(',', header));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(',', row));
        }
    }

    public static string Number(double value) => value.ToString("G9", CultureInfo.InvariantCulture);

    public static string Date(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
