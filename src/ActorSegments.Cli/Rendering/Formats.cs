using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Cli.Rendering;

/// <summary>How numbers and times read in the CLI's output: invariant, so output is the same on every machine.</summary>
internal static class Formats
{
    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    public static string Time(Timestamp? timestamp) =>
        timestamp is null ? "" : timestamp.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", Culture);

    /// <summary>RFC 3339 in UTC, for files other programs read.</summary>
    public static string Iso(Timestamp? timestamp) =>
        timestamp is null ? "" : timestamp.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Culture);

    public static string Number(double value) => value.ToString("0.##", Culture);

    public static string Count(long value) => value.ToString("N0", Culture);

    /// <summary>An API enum value in words: <c>ReadingFeatures</c> reads "reading features".</summary>
    public static string Words(System.Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
