using System.Diagnostics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

/// <summary>
/// The committed reference.json is what make_reference.py writes: regenerated where Python has scipy and statsmodels
/// of the versions it records, skipped elsewhere (CI machines need not have scipy; the other tests read the file).
/// </summary>
public sealed class ReferenceRegenerationTests
{
    private const string Python = "/usr/bin/python3";

    // make_reference.py's exit code when numpy, scipy or statsmodels is missing.
    private const int DependenciesMissing = 77;

    [Fact]
    public async Task MakeReference_WhereScipyIsInstalled_ReproducesTheCommittedFile()
    {
        Assert.SkipUnless(File.Exists(Python), $"{Python} not found; the committed reference figures are used as they are.");
        var committed = RepositoryFiles.Path("tests", "ActorSegments.Domain.Tests", Reference.FileName);
        var regenerated = Path.Combine(Path.GetTempPath(), $"actorsegments-reference-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, errors) = await RunAsync(Path.Combine(Path.GetDirectoryName(committed)!, "make_reference.py"), regenerated);
            Assert.SkipWhen(exitCode == DependenciesMissing, errors.Trim());
            Assert.True(exitCode == 0, $"make_reference.py exited with {exitCode}: {errors}");

            var expected = Reference.Read(committed).Versions;
            var installed = Reference.Read(regenerated).Versions;
            // Another numpy may draw other data and another scipy round differently: a reason to regenerate and review, not a failure.
            Assert.SkipUnless(expected == installed, $"reference.json was made with {expected}; this machine has {installed}. Regenerate it and review the diff.");
            Assert.Equal(await File.ReadAllTextAsync(committed, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(regenerated, TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(regenerated);
        }
    }

    private static async Task<(int ExitCode, string Errors)> RunAsync(string script, string output)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await errors);
    }
}
