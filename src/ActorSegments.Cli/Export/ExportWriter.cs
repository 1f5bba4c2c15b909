using System.Text.Json;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Export;

/// <summary>The export formats.</summary>
internal enum ExportFormat
{
    Csv,
    Jsonl,
}

/// <summary>
/// Writes export rows: current members ("member") and feed changes ("enter"/"exit", with the cursor that resumes after
/// them), as CSV with a header or as one JSON object per line.
/// </summary>
/// <param name="output">Where rows go.</param>
/// <param name="format">CSV or JSON lines.</param>
/// <param name="continuing">The output already holds an earlier run's rows (and header), so no header is written.</param>
/// <param name="guardFormulas">
/// Neutralize CSV cells a spreadsheet would run as a formula (OWASP's CSV-injection rule): a cell whose first
/// character, or first after leading spaces, is <c>= + - @</c>, a tab or a carriage return gets a <c>'</c> in front.
/// Customer ids come from whoever sent the events, so an id such as <c>=HYPERLINK(...)</c> is attacker-chosen text.
/// Off for programs that read the file and want every id exactly as stored.
/// </param>
internal sealed class ExportWriter(TextWriter output, ExportFormat format, bool continuing = false, bool guardFormulas = true)
{
    private bool _headerWritten = continuing;

    public long Rows { get; private set; }

    public void Member(SegmentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        Row(member.CustomerId, "member", Formats.Iso(member.Since), "");
    }

    public void Change(MembershipChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Row(change.CustomerId, change.Entered ? "enter" : "exit", Formats.Iso(change.ChangedAt), change.Cursor);
    }

    public Task FlushAsync() => output.FlushAsync();

    private void Row(string customerId, string change, string at, string cursor)
    {
        Rows++;
        if (format == ExportFormat.Jsonl)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["customer_id"] = customerId,
                ["change"] = change,
                ["at"] = at,
                ["cursor"] = cursor,
            }));
            return;
        }

        if (!_headerWritten)
        {
            output.WriteLine("customer_id,change,at,cursor");
            _headerWritten = true;
        }

        output.WriteLine($"{Csv(customerId)},{change},{at},{Csv(cursor)}");
    }

    /// <summary>
    /// The cell for <paramref name="value"/>: formula-guarded unless turned off, then quoted when it holds a comma,
    /// quote or line break (RFC 4180), so any customer id round-trips.
    /// </summary>
    private string Csv(string value)
    {
        if (guardFormulas && RunsAsFormula(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>
    /// Whether a spreadsheet would read the cell as a formula: it starts with <c>= + - @</c>, a tab or a carriage
    /// return, also after leading spaces (some spreadsheets trim them before deciding).
    /// </summary>
    private static bool RunsAsFormula(string value)
    {
        var start = value.AsSpan().TrimStart(' ');
        return start.Length > 0 && start[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
