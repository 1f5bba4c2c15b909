using System.Diagnostics;
using System.Globalization;
using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Content;

namespace ActorSegments.MlCheck;

/// <summary>
/// What content-based training and scoring cost on a synthetic catalog larger than the retail one:
/// <c>content-cost [ITEMS] [CUSTOMERS]</c> (default 100,000 items, 2,000 customers). Items get a 4-word title and a
/// 20-word description drawn from a 20,000-word vocabulary with Zipf-like frequencies, a 3-level category (10 x 10 x
/// 10) and one of 2,000 brands; each customer 10 interactions with random items over 180 days. Seeded: the same
/// catalog on every run.
/// </summary>
internal static class ContentCost
{
    private const int Vocabulary = 20_000;

    public static void Run(IReadOnlyList<string> args, TextWriter output)
    {
        var items = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var customers = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var random = new Random(24);
        var catalog = Enumerable.Range(0, items).Select(i => Item(i, random)).ToList();
        var cost = TrainingCost.Measure(() => ContentModel.Train(catalog, ContentOptions.Default));
        var model = cost.Result;
        var histories = Enumerable.Range(0, customers).Select(c => History(c, items, random)).ToList();

        var clock = Stopwatch.StartNew();
        var recommended = 0;
        foreach (var history in histories)
        {
            recommended += model.Recommend(history, model.Exclusions(history), 10).Count;
        }

        var perCustomer = clock.Elapsed.TotalMilliseconds / customers;
        output.WriteLine($"| {items:N0} items | train {cost.Elapsed.TotalSeconds:F2} s | {cost.AllocatedBytes / 1e6:F0} MB allocated | {cost.HeapAfterBytes / 1e6:F0} MB heap with the model | {perCustomer:F3} ms per customer ({customers:N0} customers, {recommended:N0} items recommended) |");
    }

    /// <summary>Item <paramref name="i"/> of the synthetic catalog; <c>hybrid-cost</c> draws its catalog here too.</summary>
    internal static CatalogItem Item(int i, Random random)
    {
        var title = string.Join(' ', Enumerable.Range(0, 4).Select(_ => Word(random)));
        var description = string.Join(' ', Enumerable.Range(0, 20).Select(_ => Word(random)));
        string[] category = [$"dept{random.Next(10)}", $"aisle{random.Next(10)}", $"shelf{random.Next(10)}"];
        return new CatalogItem($"item-{i}", title, description, category, $"brand{random.Next(2000)}", null, null, []);
    }

    // Zipf-like: word k drawn with probability about proportional to 1/k.
    private static string Word(Random random) => $"w{(int)Math.Exp(random.NextDouble() * Math.Log(Vocabulary))}";

    private static List<ItemInteraction> History(int customer, int items, Random random) =>
        [.. Enumerable.Range(0, 10).Select(_ => new ItemInteraction(
            $"c{customer}", $"item-{random.Next(items)}", null, (InteractionKind)random.Next(3), random.NextInt64(0, 180 * 86_400)))];
}
