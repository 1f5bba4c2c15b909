namespace ActorSegments.Datasets.Retail;

/// <summary>One customer's recency (whole days), frequency (distinct invoices) and monetary value (exact).</summary>
public sealed record CustomerRfm(string CustomerId, int RecencyDays, int Frequency, decimal Monetary);

/// <summary>The RFM table of a population: per customer, and summarized per measure.</summary>
public sealed record RfmSummary(
    IReadOnlyDictionary<string, CustomerRfm> Customers,
    Distribution Recency,
    Distribution Frequency,
    Distribution Monetary)
{
    public int OneTimeBuyers => Customers.Values.Count(c => c.Frequency == 1);

    public CustomerRfm TopMonetary => Customers.Values.MaxBy(c => c.Monetary)!;
}

/// <summary>
/// RFM computed straight from cleaned retail lines, independent of the engine: the oracle an end-to-end run compares
/// the engine's figures with.
/// </summary>
public static class RfmReference
{
    /// <summary>The day after the last invoice, as the published figures use.</summary>
    public static DateTime OnlineRetailReferenceDate { get; } = new(2011, 12, 10, 0, 0, 0, DateTimeKind.Utc);

    public static RfmSummary Compute(IEnumerable<RetailLine> cleanedLines, DateTime reference)
    {
        ArgumentNullException.ThrowIfNull(cleanedLines);
        var accumulators = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var line in cleanedLines)
        {
            var id = line.CustomerId ?? throw new InvalidDataException($"line {line.Line}: no CustomerID; compute RFM from cleaned lines");
            if (!accumulators.TryGetValue(id, out var accumulator))
            {
                accumulator = new Accumulator();
                accumulators.Add(id, accumulator);
            }

            accumulator.Add(line);
        }

        if (accumulators.Count == 0)
        {
            throw new ArgumentException("RFM needs at least one line.", nameof(cleanedLines));
        }

        var customers = accumulators.ToDictionary(
            pair => pair.Key,
            pair => new CustomerRfm(pair.Key, WholeDays(reference - pair.Value.Last), pair.Value.Invoices.Count, pair.Value.Monetary),
            StringComparer.Ordinal);
        return new RfmSummary(
            customers,
            Distribution.Of(customers.Values.Select(c => (decimal)c.RecencyDays)),
            Distribution.Of(customers.Values.Select(c => (decimal)c.Frequency)),
            Distribution.Of(customers.Values.Select(c => c.Monetary)));
    }

    /// <summary>Completed days: 23 hours is 0 days, as a "days since" count reads.</summary>
    private static int WholeDays(TimeSpan span) => (int)Math.Floor(span.TotalDays);

    private sealed class Accumulator
    {
        public HashSet<string> Invoices { get; } = new(StringComparer.Ordinal);

        public DateTime Last { get; private set; } = DateTime.MinValue;

        public decimal Monetary { get; private set; }

        public void Add(RetailLine line)
        {
            Invoices.Add(line.InvoiceNo);
            Monetary += line.Amount;
            if (line.InvoiceDate > Last)
            {
                Last = line.InvoiceDate;
            }
        }
    }
}
