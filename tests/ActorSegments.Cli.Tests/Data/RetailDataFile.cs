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
                // Next to the repository; or, for a clean clone made elsewhere (as CI does), next to the working copy
                // it was cloned from.
                var beside = Beside(dir.FullName);
                return File.Exists(beside) || OriginDirectory(dir.FullName) is not { } origin ? beside : Beside(origin);
            }
        }

        return null;
    }

    private static string Beside(string repository) =>
        Path.GetFullPath(Path.Combine(repository, "..", "shared", "data", "online-retail", "online-retail.csv.gz"));

    /// <summary>The directory the repository was cloned from, when its origin is a local path; null otherwise.</summary>
    private static string? OriginDirectory(string repository)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("git", ["-C", repository, "config", "--get", "remote.origin.url"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var git = System.Diagnostics.Process.Start(start)!;
            var url = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return url.Length > 0 && Directory.Exists(url) ? url : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the machine
        }
    }
}
