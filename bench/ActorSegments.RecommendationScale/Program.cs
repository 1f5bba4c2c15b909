using System.Diagnostics;
using System.Globalization;
using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Recommendations;
using ActorSegments.RecommendationScale;

// Usage: dotnet ActorSegments.RecommendationScale.dll ITEMS knn|ease [NEIGHBORS] [LAMBDA] [EASE_ITEM_LIMIT]
// One training per process, so the peak working set is this training's.
if (args.Length < 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var items) || args[1] is not ("knn" or "ease"))
{
    Console.Error.WriteLine("usage: ActorSegments.RecommendationScale ITEMS knn|ease [NEIGHBORS] [LAMBDA] [EASE_ITEM_LIMIT]");
    return 2;
}

var options = new RecommendationOptions
{
    Method = args[1] == "ease" ? RecommendationMethod.Ease : RecommendationMethod.ItemKnn,
    NeighborsPerItem = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20,
    EaseRegularization = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 1000,
    MaximumEaseItems = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : new RecommendationOptions().MaximumEaseItems,
};
var purchases = SyntheticCatalog.Purchases(items);
var catalog = purchases.Select(p => p.ItemId).Distinct().Count();
GC.Collect();
var baseline = Process.GetCurrentProcess().WorkingSet64;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var clock = Stopwatch.StartNew();
var model = (ItemToItemModel)new ItemToItemRecommender().Train(purchases, options);
clock.Stop();
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var process = Process.GetCurrentProcess();
var size = model.Serialize().Length;
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"| {catalog:N0} | {purchases.Count:N0} | {args[1]} | {model.Options.Method} | {clock.Elapsed.TotalSeconds:0.0} s | {allocated / 1e6:N0} MB | {(process.PeakWorkingSet64 - baseline) / 1e6:N0} MB | {size / 1e6:0.0} MB |"));
return 0;
