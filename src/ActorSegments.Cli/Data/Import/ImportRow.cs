using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ActorSegments.Datasets;
using ActorSegments.Datasets.Csv;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Cli.Data.Import;

/// <summary>A mapping bound to one file's header: column positions resolved once, then each row converted.</summary>
internal sealed class ImportRow
{
    private readonly ImportMapping _mapping;
    private readonly string _workspaceId;
    private readonly int _width;
    private readonly int _customer;
    private readonly int? _eventId;
    private readonly int? _type;
    private readonly int _occurredAt;
    private readonly (PropertyMapping Mapping, int Index)[] _properties;

    /// <summary>Throws <see cref="MissingColumnException"/> naming the first mapped column the header lacks.</summary>
    public ImportRow(ImportMapping mapping, string workspaceId, CsvHeader header)
    {
        _mapping = mapping;
        _workspaceId = workspaceId;
        _width = header.Names.Count;
        _customer = header.Require(mapping.CustomerIdColumn, "customer id");
        _eventId = mapping.EventIdColumn is { } id ? header.Require(id, "event id") : null;
        _type = mapping.TypeColumn is { } type ? header.Require(type, "event type") : null;
        _occurredAt = header.Require(mapping.OccurredAtColumn, "occurred at");
        _properties = [.. mapping.Properties.Select(p => (p, header.Require(p.Column, $"property {p.PropertyName}")))];
    }

    /// <summary>The row's event, or null with <paramref name="problem"/> saying which cell is wrong and why.</summary>
    public Event? Convert(CsvRecord record, out CsvProblem? problem)
    {
        if (record.Count != _width)
        {
            problem = new CsvProblem(record.Line, record.Fields[^1].Column, $"{_width} fields as in the header", $"{record.Count}");
            return null;
        }

        problem = Required(record, _customer, "a customer id") ?? (_type is { } t ? Required(record, t, "an event type") : null)
            ?? (_eventId is { } e ? Required(record, e, "an event id") : null);
        if (problem is not null)
        {
            return null;
        }

        var time = record.Fields[_occurredAt];
        if (!TryParseTime(time.Value, out var occurredAt))
        {
            problem = time.Problem($"a time {FormatDescription} in column '{_mapping.OccurredAtColumn}'");
            return null;
        }

        var evt = EventFactory.Create(
            _workspaceId,
            record[_customer].Trim(),
            _eventId is { } idIndex ? record[idIndex].Trim() : RowHash(record),
            _type is { } typeIndex ? record[typeIndex].Trim() : _mapping.Type!,
            occurredAt);
        foreach (var (property, index) in _properties)
        {
            var field = record.Fields[index];
            if (field.Value.Length == 0)
            {
                continue; // An empty cell is an absent value, not an error: sparse columns are normal in exports.
            }

            if (!TryConvert(field.Value, property.Type, out var value))
            {
                problem = field.Problem($"{Article(property.Type)} in column '{property.Column}'");
                return null;
            }

            evt.Properties.Add(property.PropertyName, value);
        }

        return evt;
    }

    private string FormatDescription => _mapping.OccurredAtFormat switch
    {
        null => "in ISO 8601 (e.g. 2024-05-01T12:30:00Z)",
        ImportMapping.UnixSeconds => "in seconds since 1970",
        ImportMapping.UnixMilliseconds => "in milliseconds since 1970",
        var format => $"like {format}",
    };

    private static CsvProblem? Required(CsvRecord record, int index, string expected) =>
        string.IsNullOrWhiteSpace(record[index]) ? new CsvProblem(record.Line, record.Fields[index].Column, expected, "an empty field") : null;

    private bool TryParseTime(string text, out DateTime utc)
    {
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        var culture = CultureInfo.InvariantCulture;
        utc = default;
        switch (_mapping.OccurredAtFormat)
        {
            case null when DateTimeOffset.TryParse(text, culture, Styles, out var iso):
                utc = iso.UtcDateTime;
                return true;
            case ImportMapping.UnixSeconds when long.TryParse(text, NumberStyles.AllowLeadingSign, culture, out var seconds):
                return TryEpoch(seconds, 1000, out utc);
            case ImportMapping.UnixMilliseconds when long.TryParse(text, NumberStyles.AllowLeadingSign, culture, out var milliseconds):
                return TryEpoch(milliseconds, 1, out utc);
            case { } format when format is not ImportMapping.UnixSeconds and not ImportMapping.UnixMilliseconds
                && DateTimeOffset.TryParseExact(text.Trim(), format, culture, Styles, out var exact):
                utc = exact.UtcDateTime;
                return true;
            default:
                return false;
        }
    }

    private static bool TryEpoch(long value, long millisecondsPerUnit, out DateTime utc)
    {
        var max = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() / millisecondsPerUnit;
        utc = value >= 0 && value <= max ? DateTimeOffset.FromUnixTimeMilliseconds(value * millisecondsPerUnit).UtcDateTime : default;
        return value >= 0 && value <= max;
    }

    private static bool TryConvert(string text, ImportValueType type, out Value value)
    {
        value = Value.ForNull();
        switch (type)
        {
            case ImportValueType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                value = Value.ForNumber(number);
                return true;
            case ImportValueType.Bool when TryParseBool(text.Trim(), out var flag):
                value = Value.ForBool(flag);
                return true;
            case ImportValueType.String:
                value = Value.ForString(text);
                return true;
            default:
                return false;
        }
    }

    private static bool TryParseBool(string text, out bool value)
    {
        value = text.ToUpperInvariant() is "TRUE" or "YES" or "Y" or "1";
        return value || text.ToUpperInvariant() is "FALSE" or "NO" or "N" or "0";
    }

    private static string Article(ImportValueType type) => type switch
    {
        ImportValueType.Number => "a finite number",
        ImportValueType.Bool => "a boolean (true/false, yes/no, 1/0)",
        _ => "text",
    };

    /// <summary>
    /// Hash of the row's cells, length-prefixed so ("ab","c") and ("a","bc") differ. The line number is left out on
    /// purpose: the same row re-imported, even moved within its file, keeps its id and is applied once.
    /// </summary>
    private static string RowHash(CsvRecord record)
    {
        var text = new StringBuilder();
        foreach (var field in record.Fields)
        {
            text.Append(field.Value.Length).Append(':').Append(field.Value);
        }

        return System.Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }
}
