using ActorSegments.BenchSupport;
using ActorSegments.MlCheck;

// Runs the project's ML on the UCI Online Retail data (see bench/ml-check.sh): markdown on stdout, progress on stderr.
if (MlCheckOptions.Parse(args, MlCheckOptions.RepositoryRoot(Directory.GetCurrentDirectory()), Console.Out, Console.Error, out var exitCode) is not { } options)
{
    return exitCode;
}

if (!File.Exists(options.DataPath))
{
    Console.Error.WriteLine($"The Online Retail data is not at {options.DataPath}; pass --data PATH.");
    return BenchCommandLine.UsageExitCode;
}

await MlCheckRun.RunAsync(options, Console.Out, Console.Error);
return 0;
