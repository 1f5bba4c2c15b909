namespace ActorSegments.Load;

/// <summary>
/// Every scenario kind once, small: enough to show the harness works end to end against a server (the CI smoke
/// test), never enough to say anything about speed.
/// </summary>
public static class QuickRun
{
    public static LoadOptions Options(Uri address, string? apiKey) => new()
    {
        Address = address,
        ApiKey = apiKey,
        Customers = 300,
        Events = 3_000,
        BatchSize = 100,
        Concurrency = 2,
        Duration = TimeSpan.FromSeconds(30),
        Runs = 1,
        ProbesPerSecond = 50,
    };

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(Uri address, string? apiKey, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var options = Options(address, apiKey);
        var results = new List<ScenarioResult>();
        results.AddRange(await LoadHarness.RunWithLatencyAsync("batch", options, 0.5, TimeSpan.FromSeconds(3), progress, cancellationToken));
        results.Add(await LoadHarness.RunAsync("stream", options with { Mode = IngestMode.Stream }, progress, cancellationToken));
        results.Add(await LoadHarness.RunAsync("unary", options with { Mode = IngestMode.Unary, Events = 300 }, progress, cancellationToken));
        results.Add(await LoadHarness.RunAsync("duplicates only (empty grain)", options with { Duplicates = true }, progress, cancellationToken));
        return results;
    }
}
