using ActorSegments.BenchSupport;
using ActorSegments.MlCheck;

// Runs the project's ML on the UCI Online Retail data (see bench/ml-check.sh): markdown on stdout, progress on stderr.
// "content" first runs only the content-based check (bench/content-check.sh), "content-cost" its synthetic-catalog cost,
// "hybrid-cost" the hybrid recommender's training and scoring cost on a synthetic shop.
if (args is ["content-cost", ..])
{
    ContentCost.Run(args[1..], Console.Out);
    return 0;
}

if (args is ["hybrid-cost", ..])
{
    HybridCost.Run(args[1..], Console.Out, Console.Error);
    return 0;
}

var contentOnly = args is ["content", ..];
if (MlCheckOptions.Parse(contentOnly ? args[1..] : args, MlCheckOptions.RepositoryRoot(Directory.GetCurrentDirectory()), Console.Out, Console.Error, out var exitCode) is not { } options)
{
    return exitCode;
}

if (!File.Exists(options.DataPath))
{
    Console.Error.WriteLine($"The Online Retail data is not at {options.DataPath}; pass --data PATH.");
    return BenchCommandLine.UsageExitCode;
}

if (contentOnly)
{
    ContentCheck.Run(options.DataPath, options.OutputDirectory, Console.Out, Console.Error);
    return 0;
}

await MlCheckRun.RunAsync(options, Console.Out, Console.Error);
return 0;
