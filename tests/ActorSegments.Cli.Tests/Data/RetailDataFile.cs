namespace ActorSegments.Cli.Tests.Data;

/// <summary>
/// Finds the UCI Online Retail file kept next to the repository (never inside it). Absent data skips a test on a
/// developer machine but fails it in CI, where the data is provisioned and its absence is a broken setup.
/// </summary>
internal static class RetailDataFile
{
    public const string EnvironmentVariable = "ACTORSEGMENTS_RETAIL_DATA";

    public static string Require()
    {
        var path = Locate();
        if (path is not null && File.Exists(path))
        {
            return path;
        }

        var message = $"Online Retail data not found at '{path ?? "(no repository root above the test directory)"}'; set {EnvironmentVariable} to the .csv.gz";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return path!;
    }

    private static string? Locate()
    {
        var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return overridden;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorSegments.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "online-retail", "online-retail.csv.gz"));
            }
        }

        return null;
    }
}
