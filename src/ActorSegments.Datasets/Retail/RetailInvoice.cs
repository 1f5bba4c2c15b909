namespace ActorSegments.Datasets.Retail;

/// <summary>One invoice: its lines, which all share a customer, at the time of its first line.</summary>
public sealed class RetailInvoice(string invoiceNo, string customerId, string country, DateTime occurredAt)
{
    private readonly List<RetailLine> _lines = [];

    public string InvoiceNo { get; } = invoiceNo;

    public string CustomerId { get; } = customerId;

    public string Country { get; } = country;

    /// <summary>The first line's time; a few invoices' lines straddle a minute boundary.</summary>
    public DateTime OccurredAt { get; } = occurredAt;

    public IReadOnlyList<RetailLine> Lines => _lines;

    /// <summary>Sum of Quantity x UnitPrice, exact.</summary>
    public decimal Revenue { get; private set; }

    public long Items { get; private set; }

    public void Add(RetailLine line)
    {
        _lines.Add(line);
        Revenue += line.Amount;
        Items += line.Quantity;
    }
}
