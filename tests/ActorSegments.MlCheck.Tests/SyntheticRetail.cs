using System.Globalization;
using System.Text;

namespace ActorSegments.MlCheck.Tests;

/// <summary>
/// An Online Retail file with planted structure, over the real data's dates (2010-12-01 to 2011-12-09) so the check's
/// fixed split and cutoffs apply. Three kinds of customer, in turn: regulars buy every 5 to 20 days all year, lapsers
/// buy as often until a stop date of their own and never again, occasional buyers buy one to three times at random.
/// Whether a customer bought lately thus predicts the next 30 and 60 days. Each customer buys from one of four product
/// families, so the items it goes on to buy are the ones its family's other buyers bought together. A few lines the
/// published cleaning drops (no customer, a cancellation, a zero price) come along.
/// </summary>
internal static class SyntheticRetail
{
    public const int Families = 4;
    public const int ProductsPerFamily = 30;

    /// <summary>Lines the cleaning must drop, one of each kind, per this many invoices.</summary>
    public const int NoiseEvery = 50;

    private static readonly DateTime Start = new(2010, 12, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2011, 12, 9, 18, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes the file; returns its path and how many of its lines survive the cleaning.</summary>
    public static (string Path, int CleanLines) Write(string directory, int customers, int seed)
    {
        var random = new Random(seed);
        var invoices = new List<(DateTime At, int Customer, string[] Items)>();
        for (var c = 0; c < customers; c++)
        {
            var family = c / 3 % Families;
            foreach (var at in PurchaseTimes(c % 3, random))
            {
                var items = Enumerable.Range(0, 3 + random.Next(5)).Select(_ => Product(family, random)).Distinct().ToArray();
                invoices.Add((at, 12_000 + c, items));
            }
        }

        var path = System.IO.Path.Combine(directory, "synthetic-retail.csv");
        var file = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        var clean = 0;
        var number = 536_000;
        foreach (var (at, customer, items) in invoices.OrderBy(i => i.At).ThenBy(i => i.Customer))
        {
            var date = at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            number++;
            foreach (var item in items)
            {
                file.Append(CultureInfo.InvariantCulture, $"{number},{item},ITEM {item},{1 + random.Next(24)},{date},{(1 + random.Next(400)) / 100.0},{customer}.0,United Kingdom\n");
                clean++;
            }

            if (number % NoiseEvery == 0)
            {
                file.Append(CultureInfo.InvariantCulture, $"{number},{items[0]},NO CUSTOMER,2,{date},1.25,,United Kingdom\n");
                file.Append(CultureInfo.InvariantCulture, $"C{number},{items[0]},CANCELLED,-2,{date},1.25,{customer}.0,United Kingdom\n");
                file.Append(CultureInfo.InvariantCulture, $"{number + 1_000_000},{items[0]},FREE SAMPLE,1,{date},0,{customer}.0,United Kingdom\n");
            }
        }

        File.WriteAllText(path, file.ToString());
        return (path, clean);
    }

    /// <summary>Popular items of a family come up far more often (a skew like real catalogs).</summary>
    private static string Product(int family, Random random) =>
        $"F{family}P{(int)(ProductsPerFamily * Math.Pow(random.NextDouble(), 2)):D2}";

    private static IEnumerable<DateTime> PurchaseTimes(int kind, Random random)
    {
        if (kind == 2)
        {
            var span = (End - Start).TotalMinutes;
            return Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Start.AddMinutes(random.NextDouble() * span)).Order();
        }

        var stop = kind == 0 ? End : Start.AddDays(60 + random.Next(280));
        var times = new List<DateTime>();
        for (var at = Start.AddDays(random.NextDouble() * 30); at < stop; at = at.AddDays(5 + (random.NextDouble() * 15)))
        {
            times.Add(at);
        }

        return times;
    }
}
