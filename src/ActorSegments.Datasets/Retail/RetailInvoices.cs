namespace ActorSegments.Datasets.Retail;

/// <summary>Groups a stream of cleaned lines into invoices without reading the whole stream first.</summary>
/// <remarks>
/// In the source file an invoice's lines are contiguous once cancellations are removed (raw, one invoice is
/// interrupted by a cancellation). To tolerate such interleaving elsewhere, up to <c>window</c> invoices stay open at
/// once; an invoice that resumes after it was closed cannot be merged into an invoice already handed out, so it is
/// an error rather than a second invoice with the same id.
/// </remarks>
public static class RetailInvoices
{
    public const int DefaultWindow = 32;

    /// <summary>Invoices in the order their first line appears; every line must have a customer (clean them first).</summary>
    public static IEnumerable<RetailInvoice> Group(IEnumerable<RetailLine> lines, int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var open = new OrderedDictionary<string, RetailInvoice>(StringComparer.Ordinal);
        var closed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var customer = line.CustomerId
                ?? throw new InvalidDataException($"line {line.Line}: invoice {line.InvoiceNo} has no CustomerID; clean the lines before grouping them");
            if (open.TryGetValue(line.InvoiceNo, out var invoice))
            {
                if (!string.Equals(invoice.CustomerId, customer, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"line {line.Line}: invoice {line.InvoiceNo} is for customer {invoice.CustomerId} on line {invoice.Lines[0].Line}, here for {customer}");
                }

                invoice.Add(line);
                continue;
            }

            if (closed.TryGetValue(line.InvoiceNo, out var lastLine))
            {
                throw new InvalidDataException(
                    $"line {line.Line}: invoice {line.InvoiceNo} resumes after {window} other invoices began since its line {lastLine}; an invoice's lines must stay together");
            }

            invoice = new RetailInvoice(line.InvoiceNo, customer, line.Country, line.InvoiceDate);
            invoice.Add(line);
            open.Add(line.InvoiceNo, invoice);
            if (open.Count > window)
            {
                yield return Close(open, closed);
            }
        }

        while (open.Count > 0)
        {
            yield return Close(open, closed);
        }
    }

    private static RetailInvoice Close(OrderedDictionary<string, RetailInvoice> open, Dictionary<string, long> closed)
    {
        var (number, invoice) = open.GetAt(0);
        open.RemoveAt(0);
        closed.Add(number, invoice.Lines[^1].Line);
        return invoice;
    }
}
