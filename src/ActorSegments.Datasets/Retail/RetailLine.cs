namespace ActorSegments.Datasets.Retail;

/// <summary>One transaction line of the UCI Online Retail set, typed.</summary>
/// <remarks>
/// CustomerId is null where the file has none, and "17850.0" in the file reads as "17850". InvoiceDate is UTC: the
/// file has no zone and its retailer is in the UK. Line is the physical line in the file, for messages.
/// </remarks>
public sealed record RetailLine(
    string InvoiceNo,
    string StockCode,
    string Description,
    int Quantity,
    DateTime InvoiceDate,
    decimal UnitPrice,
    string? CustomerId,
    string Country,
    long Line)
{
    public bool IsCancellation => InvoiceNo.StartsWith('C');

    public decimal Amount => Quantity * UnitPrice;
}
