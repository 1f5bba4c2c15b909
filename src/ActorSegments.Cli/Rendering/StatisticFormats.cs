using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Rendering;

/// <summary>How experiment figures read: rates and lifts in percent, differences in percentage points, p-values to four places.</summary>
internal static class StatisticFormats
{
    /// <summary>A fraction as a percentage: 0.0523 → "5.23%".</summary>
    public static string Percent(double fraction, int decimals = 2) =>
        (fraction * 100).ToString("0." + new string('0', decimals), Formats.Culture) + "%";

    /// <summary>A relative change, signed: 0.123 → "+12.3%".</summary>
    public static string Change(double fraction) => (fraction * 100).ToString("+0.0;-0.0;0.0", Formats.Culture) + "%";

    /// <summary>A difference of two rates in percentage points, signed: 0.012 → "+1.20 pp".</summary>
    public static string Points(double difference) => (difference * 100).ToString("+0.00;-0.00;0.00", Formats.Culture) + " pp";

    /// <summary>An amount (revenue per customer, a difference of amounts).</summary>
    public static string Amount(double value, bool signed = false) => value.ToString(signed ? "+0.00;-0.00;0.00" : "0.00", Formats.Culture);

    public static string Interval(ConfidenceInterval? interval, Func<double, string> format) =>
        interval is null ? "" : $"{format(interval.Low)} .. {format(interval.High)}";

    /// <summary>"p = 0.0123", or "p &lt; 0.0001" when smaller than four places show.</summary>
    public static string PStatement(double p) => p < 0.0001 ? "p < 0.0001" : $"p = {PValue(p)}";

    public static string PValue(double? p) => p switch
    {
        null => "",
        < 0.0001 => "< 0.0001",
        { } value => value.ToString("0.0000", Formats.Culture),
    };
}
