using System.Globalization;

namespace ActorSegments.Datasets.Sheets;

/// <summary>A stored number as a CSV export of the sheet would write it: a plain decimal, or a date-time.</summary>
public static class XlsxValues
{
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Excel's day 0 in the 1900 date system: 1899-12-30 once its fictitious 1900-02-29 (day 60) is passed.</summary>
    private static readonly DateTime Epoch1900 = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly DateTime Epoch1904 = new(1904, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Text of the number written as <paramref name="raw"/>; as a date-time when its style is one.</summary>
    public static string Number(string raw, bool isDate, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return raw;
        }

        return isDate ? Date(value, date1904) : Plain(value);
    }

    /// <summary>
    /// To 15 significant digits, as Excel shows and exports numbers (a double converted to decimal keeps 15), without
    /// an exponent; a number beyond decimal's range keeps the shortest round-trip form.
    /// </summary>
    private static string Plain(double value) =>
        Math.Abs(value) < 7.9e28 ? ((decimal)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A day number to the nearest second (stored day fractions carry floating-point noise).</summary>
    private static string Date(double days, bool date1904)
    {
        var epoch = date1904 ? Epoch1904 : days < 61 ? Epoch1900.AddDays(1) : Epoch1900;
        var seconds = Math.Round(days * 86_400, MidpointRounding.AwayFromZero);
        return seconds is < 0 or > 3e11 ? Plain(days) : epoch.AddSeconds(seconds).ToString(DateFormat, CultureInfo.InvariantCulture);
    }
}
