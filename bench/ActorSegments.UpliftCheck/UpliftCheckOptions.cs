using System.CommandLine;
using ActorSegments.BenchSupport;

namespace ActorSegments.UpliftCheck;

/// <summary>The trial to generate and where to write the evaluation scores for the Python peer.</summary>
internal sealed record UpliftCheckOptions(int Seed, int Customers, int HistoryDays, double TreatedShare, string Out)
{
    public static UpliftCheckOptions? Parse(string[] args, TextWriter output, TextWriter error, out int exitCode)
    {
        var seed = new Option<int>("--seed") { Description = "Seeds the trial", DefaultValueFactory = _ => 7 };
        var customers = new Option<int>("--customers") { Description = "Customers in the trial", DefaultValueFactory = _ => 20_000 };
        var days = new Option<int>("--days") { Description = "Days of history before the experiment", DefaultValueFactory = _ => 120 };
        var share = new Option<double>("--treated-share") { Description = "Share of customers messaged", DefaultValueFactory = _ => 0.5 };
        var outDir = new Option<string>("--out") { Description = "Directory for evaluation_scores.csv and csharp_figures.json", Required = true };
        var root = new RootCommand("Trains an uplift model on the synthetic randomized campaign and evaluates it") { seed, customers, days, share, outDir };
        return BenchCommandLine.Parse(root, args, output, error, out exitCode) is { } parse
            ? new UpliftCheckOptions(parse.GetValue(seed), parse.GetValue(customers), parse.GetValue(days), parse.GetValue(share), parse.GetRequiredValue(outDir))
            : null;
    }
}
