using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.Domain.Tests.Modeling.Uplift;

/// <summary>
/// The C# Qini figures against bench/ml/qini_peer.py's direct numpy computation on the same exported scores: run where
/// Debian's Python has numpy, skipped elsewhere (the hand-computed examples in <see cref="QiniCurveTests"/> and
/// <see cref="UpliftAtKTests"/> hold everywhere).
/// </summary>
public sealed class QiniPeerTests
{
    private const string Python = "/usr/bin/python3";

    // qini_peer.py's exit code when numpy is missing.
    private const int DependenciesMissing = 77;

    [Fact]
    public async Task Figures_OnScoresWithTiesAndUnbalancedArms_AgreeWithTheNumpyPeerTo1e9()
    {
        Assert.SkipUnless(File.Exists(Python), $"{Python} not found; the hand-computed examples cover the Qini figures.");
        var observations = Observations(new Random(23), 3000);
        var csv = Path.Combine(Path.GetTempPath(), $"actorsegments-qini-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllLinesAsync(csv, ["treated,converted,score", .. observations.Select(o => $"{(o.Treated ? 1 : 0)},{(o.Converted ? 1 : 0)},{o.Score.ToString("R", CultureInfo.InvariantCulture)}")], TestContext.Current.CancellationToken);
            var (exitCode, output, errors) = await RunAsync(RepositoryFiles.Path("bench", "ml", "qini_peer.py"), csv);
            Assert.SkipWhen(exitCode == DependenciesMissing, errors.Trim());
            Assert.True(exitCode == 0, $"qini_peer.py exited with {exitCode}: {errors}");

            var peer = JsonDocument.Parse(output).RootElement.GetProperty("score");
            var curve = QiniCurve.Of(observations);
            Assert.Equal(peer.GetProperty("qini_points").GetInt32(), curve.Points.Count);
            Assert.Equal(peer.GetProperty("qini_total").GetDouble(), curve.Total, 9);
            Assert.Equal(peer.GetProperty("qini_coefficient").GetDouble(), curve.Coefficient, 9);
            foreach (var k in new[] { 10, 20, 30 })
            {
                Assert.Equal(peer.GetProperty($"uplift_at_{k}").GetDouble(), UpliftAtK.Of(observations, k)!.Value, 9);
            }
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>A third treated, outcomes more likely for treated customers with high scores, scores on a coarse grid so many tie.</summary>
    private static List<UpliftObservation> Observations(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var score = Math.Round((random.NextDouble() * 2) - 1, 2);
            var treated = random.NextDouble() < 1.0 / 3;
            var chance = 0.1 + (treated ? Math.Max(0, score) * 0.2 : 0);
            return new UpliftObservation(score, treated, random.NextDouble() < chance);
        })];

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, string csv)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-B", script, "--csv", csv })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output, await errors);
    }
}
