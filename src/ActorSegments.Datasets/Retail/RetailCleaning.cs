namespace ActorSegments.Datasets.Retail;

/// <summary>How many lines and distinct customers remained after one cleaning step.</summary>
public sealed record CleaningStep(string Name, long Lines, int Customers);

/// <summary>
/// The published cleaning of the Online Retail set, in its order: drop lines without CustomerID, then cancellations
/// (InvoiceNo starting with 'C') and lines with Quantity &lt;= 0, then lines with UnitPrice &lt;= 0. It counts what each
/// step keeps so a run can show it reproduces the published figures.
/// </summary>
/// <remarks>
/// The counts fill in as the cleaned lines are enumerated; read <see cref="Steps"/> once the enumeration has ended.
/// One instance cleans one stream.
/// </remarks>
public sealed class RetailCleaning
{
    private readonly Tally _raw = new("raw");
    private readonly Tally _withCustomer = new("with CustomerID");
    private readonly Tally _notCancelled = new("not cancelled, Quantity > 0");
    private readonly Tally _priced = new("and UnitPrice > 0");

    public IReadOnlyList<CleaningStep> Steps => [_raw.Step, _withCustomer.Step, _notCancelled.Step, _priced.Step];

    public IEnumerable<RetailLine> Clean(IEnumerable<RetailLine> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        foreach (var line in raw)
        {
            _raw.Count(line);
            if (line.CustomerId is null)
            {
                continue;
            }

            _withCustomer.Count(line);
            if (line.IsCancellation || line.Quantity <= 0)
            {
                continue;
            }

            _notCancelled.Count(line);
            if (line.UnitPrice <= 0)
            {
                continue;
            }

            _priced.Count(line);
            yield return line;
        }
    }

    private sealed class Tally(string name)
    {
        private readonly HashSet<string> _customers = new(StringComparer.Ordinal);
        private long _lines;

        public CleaningStep Step => new(name, _lines, _customers.Count);

        public void Count(RetailLine line)
        {
            _lines++;
            if (line.CustomerId is { } id)
            {
                _customers.Add(id);
            }
        }
    }
}
