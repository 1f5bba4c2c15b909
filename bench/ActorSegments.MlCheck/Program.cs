using ActorSegments.MlCheck;

// Runs the project's ML on the UCI Online Retail data (see bench/ml-check.sh): markdown on stdout, progress on stderr.
MlCheckOptions options;
try
{
    options = MlCheckOptions.Parse(args, MlCheckOptions.RepositoryRoot(Directory.GetCurrentDirectory()));
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (!File.Exists(options.DataPath))
{
    Console.Error.WriteLine($"The Online Retail data is not at {options.DataPath}; pass --data PATH.");
    return 2;
}

await MlCheckRun.RunAsync(options, Console.Out, Console.Error);
return 0;
