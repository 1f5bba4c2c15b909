using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Datasets.Retail;

/// <summary>Turns retail invoices into the events a shop would have sent: a purchase per invoice, optionally its items.</summary>
public static class RetailEvents
{
    public const string PurchaseType = "purchase";
    public const string ProductPurchasedType = "product_purchased";

    /// <summary>
    /// Per invoice, a <c>purchase</c> (event id = InvoiceNo; revenue, items, country) and, when
    /// <paramref name="productEvents"/>, a <c>product_purchased</c> per line (event id = InvoiceNo-index from 0;
    /// product_id, price, quantity, description when the line has one), all at the invoice's time.
    /// </summary>
    public static IEnumerable<Event> FromInvoices(IEnumerable<RetailInvoice> invoices, string workspaceId, bool productEvents = false)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        foreach (var invoice in invoices)
        {
            yield return Purchase(invoice, workspaceId);
            if (!productEvents)
            {
                continue;
            }

            for (var i = 0; i < invoice.Lines.Count; i++)
            {
                yield return ProductPurchased(invoice, i, workspaceId);
            }
        }
    }

    /// <summary>Groups cleaned lines into invoices and events as the caller enumerates: one pass, no copy of the file.</summary>
    public static IEnumerable<Event> FromLines(IEnumerable<RetailLine> cleanedLines, string workspaceId, bool productEvents = false) =>
        FromInvoices(RetailInvoices.Group(cleanedLines), workspaceId, productEvents);

    private static Event Purchase(RetailInvoice invoice, string workspaceId)
    {
        var evt = EventFactory.Create(workspaceId, invoice.CustomerId, invoice.InvoiceNo, PurchaseType, invoice.OccurredAt);
        // The exact decimal sum converted once; rounding to cents would move the totals the reference RFM checks.
        evt.Properties.Add("revenue", Value.ForNumber((double)invoice.Revenue));
        evt.Properties.Add("items", Value.ForNumber(invoice.Items));
        // The data has no product categories; the country is the one descriptive value an invoice carries.
        evt.Properties.Add("country", Value.ForString(invoice.Country));
        return evt;
    }

    private static Event ProductPurchased(RetailInvoice invoice, int index, string workspaceId)
    {
        var line = invoice.Lines[index];
        var evt = EventFactory.Create(workspaceId, invoice.CustomerId, $"{invoice.InvoiceNo}-{index}", ProductPurchasedType, invoice.OccurredAt);
        evt.Properties.Add("product_id", Value.ForString(line.StockCode));
        evt.Properties.Add("price", Value.ForNumber((double)line.UnitPrice));
        evt.Properties.Add("quantity", Value.ForNumber(line.Quantity));
        // The one item attribute the data has besides its price: the catalog is derived from it when none is loaded.
        if (line.Description.Length > 0)
        {
            evt.Properties.Add("description", Value.ForString(line.Description));
        }

        return evt;
    }
}
