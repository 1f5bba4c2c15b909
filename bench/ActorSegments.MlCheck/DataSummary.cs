using System.Globalization;
using ActorSegments.Domain.Features;

namespace ActorSegments.MlCheck;

/// <summary>
/// What was read, against the figures the data's README publishes: the cleaning steps' lines and customers, and the
/// RFM totals recomputed from the service's own feature rows as of 2011-12-10 (so the features are checked as well).
/// </summary>
internal static class DataSummary
{
    private static readonly (long Lines, int Customers)[] PublishedSteps = [(541_909, 4_372), (406_829, 4_372), (397_924, 4_339), (397_884, 4_338)];
    private const long PublishedInvoices = 18_532;
    private const long PublishedRecencyDays = 399_354;
    private const double PublishedMonetary = 8_911_407.904;

    /// <summary>Writes the section; <paramref name="referenceRows"/> are every customer's feature rows as of <see cref="CheckDates.Reference"/>.</summary>
    public static void Write(TextWriter output, RetailJournal journal, IReadOnlyList<float[]> referenceRows, bool quick)
    {
        output.WriteLine("## Data");
        output.WriteLine();
        // Every line is read and cleaned even with --quick; only the RFM totals are of the customers kept.
        MarkdownTable.Write(
            output,
            ["step", "lines", "customers", "published (README)"],
            journal.Steps.Select((s, i) => new[] { s.Name, N(s.Lines), N(s.Customers), i < PublishedSteps.Length ? Check(s.Lines == PublishedSteps[i].Lines && s.Customers == PublishedSteps[i].Customers, $"{N(PublishedSteps[i].Lines)} / {N(PublishedSteps[i].Customers)}") : "-" }));

        // With --quick the totals are of the customers kept, which the README does not publish.
        var published = !quick;
        var recency = CustomerFeatures.IndexOf("recency_days");
        var frequency = CustomerFeatures.IndexOf("frequency");
        var monetary = CustomerFeatures.IndexOf("monetary");
        var invoices = referenceRows.Sum(r => (long)r[frequency]);
        var recencyDays = referenceRows.Sum(r => (long)Math.Floor(r[recency]));
        var revenue = referenceRows.Sum(r => (double)r[monetary]);
        output.WriteLine($"Customers in the check: {N(journal.Histories.Count)}{(quick ? $" (--quick: one in {MlCheckOptions.QuickEvery})" : "")}; events: {N(journal.Invoices)} purchase (one per invoice), {N(journal.ProductLines)} product_purchased (one per line); {CsvExport.Date(journal.FirstEvent)} to {DateTimeOffset.FromUnixTimeSeconds(journal.LastEvent):yyyy-MM-dd HH:mm}.");
        output.WriteLine();
        output.WriteLine("RFM from the service's feature rows as of 2011-12-10 00:00:");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["total", "from feature rows", "published (README)"],
            [
                ["invoices (sum of frequency)", N(invoices), published ? Check(invoices == PublishedInvoices, N(PublishedInvoices)) : "-"],
                ["whole days since last purchase (sum)", N(recencyDays), published ? Check(recencyDays == PublishedRecencyDays, N(PublishedRecencyDays)) : "-"],
                // Revenue is a float per customer in the feature row: a few units of rounding in a sum of 8.9 million.
                ["revenue (sum of monetary)", revenue.ToString("#,0.00", CultureInfo.InvariantCulture), published ? Check(Math.Abs(revenue - PublishedMonetary) < 10, PublishedMonetary.ToString("#,0.000", CultureInfo.InvariantCulture)) : "-"],
            ]);
    }

    private static string Check(bool matches, string published) => $"{published} {(matches ? "(matches)" : "(DIFFERS)")}";

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
