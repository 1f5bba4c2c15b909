using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Ingest;
using ActorSegments.Protos.V1;
using Grpc.Core;
using Spectre.Console;

namespace ActorSegments.Cli.Demo;

/// <summary>
/// The demo against any server: load the data, define the segments (validated first), wait until each is live, then
/// read the figures back from the engine: member counts, RFM and lifecycle from every customer's profile, and one
/// customer explained. Progress goes to the console; the figures come back as a <see cref="DemoResult"/>.
/// </summary>
internal sealed class DemoPipeline(ServerConnection connection, IAnsiConsole console)
{
    /// <summary>Profiles read at once: enough to keep the server busy, few enough not to swamp it.</summary>
    private const int ProfileReaders = 16;

    private static readonly TimeSpan LivePollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A backfill that evaluates no customer for this long has stopped (the server failed it); waiting on would hang
    /// the demo, so it ends with a message instead. A guard against a broken server, not a performance limit.
    /// </summary>
    private static readonly TimeSpan StalledAfter = TimeSpan.FromSeconds(60);

    public async Task<DemoResult> RunAsync(DemoData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var customers = new SortedSet<string>(StringComparer.Ordinal);
        var loaded = await LoadAsync(data, customers, cancellationToken);
        await DefineAsync(data.Segments, cancellationToken);
        var segments = await WaitUntilLiveAsync(data.Segments, cancellationToken);
        var cohorts = await CohortsAsync(cancellationToken);
        var profiles = await ReadProfilesAsync(customers, cancellationToken);
        var strategy = data is SyntheticDemoData synthetic ? await StrategyAsync(synthetic, cancellationToken) : null;
        return new DemoResult(
            loaded,
            customers.Count,
            segments,
            DemoFigures.Rfm(profiles),
            DemoFigures.Lifecycle(profiles),
            await ExplainAsync(segments, cancellationToken))
        {
            Cohorts = cohorts,
            Strategy = strategy,
        };
    }

    /// <summary>The strategy experiment on the synthetic shop (see <see cref="StrategyExperimentDemo"/>); null on a server without experiments.</summary>
    private async Task<StrategyOutcome?> StrategyAsync(SyntheticDemoData data, CancellationToken cancellationToken)
    {
        try
        {
            return await new StrategyExperimentDemo(connection).RunAsync(data.Shop(connection.Workspace), data.Seed, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            return null;
        }
    }

    /// <summary>Refreshes the AI cohorts and waits for the run; a server without them, or too little data, is reported, not fatal.</summary>
    private async Task<CohortRun?> CohortsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var run = await connection.Cohorts.RefreshCohortsAsync(new RefreshCohortsRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (run.RunStatus == CohortRunStatus.Running && waited.Elapsed < StalledAfter * 5)
            {
                await Task.Delay(LivePollInterval, cancellationToken);
                run = await connection.Cohorts.GetCohortRunAsync(new GetCohortRunRequest { WorkspaceId = connection.Workspace, RunId = run.RunId }, cancellationToken: cancellationToken);
            }

            return run;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            return null;
        }
    }

    private async Task<IngestSummary> LoadAsync(DemoData data, SortedSet<string> customers, CancellationToken cancellationToken)
    {
        var streamer = new EventStreamer(connection.Ingest);
        IEnumerable<SourcedEvent> Collect(IEnumerable<SourcedEvent> events) => events.Select(e =>
        {
            customers.Add(e.Event.CustomerId);
            return e;
        });

        switch (data)
        {
            case SyntheticDemoData synthetic:
                var shop = synthetic.Shop(connection.Workspace);
                var span = (shop.End - shop.Start).TotalSeconds;
                return await IngestProgressBar.RunAsync(
                    console, streamer, Collect(shop.Events().Select(e => new SourcedEvent(e))), "loading events", span,
                    p => (p.LastAcknowledged.OccurredAt.ToDateTime() - shop.Start).TotalSeconds, cancellationToken);
            case RetailDemoData retail:
                using (var file = retail.Open(connection.Workspace))
                {
                    return await IngestProgressBar.RunAsync(console, streamer, Collect(file.Events), "loading events", file.Length, _ => file.Position, cancellationToken);
                }

            default:
                throw new ArgumentException($"Unknown demo data {data.GetType().Name}.", nameof(data));
        }
    }

    /// <summary>Validates every rule before saving any, so a bad rule leaves the workspace as it was.</summary>
    private async Task DefineAsync(IReadOnlyList<DemoSegment> segments, CancellationToken cancellationToken)
    {
        foreach (var segment in segments)
        {
            var check = await connection.Segments.ValidateSegmentAsync(
                new ValidateSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = segment.Id, Rule = segment.Rule }, cancellationToken: cancellationToken);
            if (!check.Valid)
            {
                var problems = string.Join("; ", check.Problems.Select(p => $"{p.Line}:{p.Column} {p.Message}"));
                throw new InvalidOperationException($"The demo rule of '{segment.Id}' is not valid on this server: {problems}");
            }
        }

        foreach (var segment in segments)
        {
            try
            {
                await connection.Segments.CreateSegmentAsync(
                    new CreateSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = segment.Id, Rule = segment.Rule }, cancellationToken: cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
            {
                // A second demo run against the same server: take the segment over with the demo's rule.
                await connection.Segments.UpdateSegmentAsync(
                    new UpdateSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = segment.Id, Rule = segment.Rule }, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>Polls until every segment has finished its backfill, showing customers evaluated out of all.</summary>
    private Task<IReadOnlyList<SegmentCount>> WaitUntilLiveAsync(IReadOnlyList<DemoSegment> segments, CancellationToken cancellationToken) =>
        console.Progress().AutoClear(false).StartAsync<IReadOnlyList<SegmentCount>>(async context =>
        {
            var task = context.AddTask("evaluating segments", maxValue: 1);
            var lastDone = -1L;
            var lastMoved = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var states = await Task.WhenAll(segments.Select(s => connection.Segments.GetSegmentAsync(
                    new GetSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = s.Id }, cancellationToken: cancellationToken).ResponseAsync));
                var total = Math.Max(1, states.Sum(s => s.BackfillTotal));
                task.Value = states.All(s => s.Status == SegmentStatus.Live) ? 1 : Math.Min(0.99, (double)states.Sum(s => s.BackfillDone) / total);
                if (states.All(s => s.Status == SegmentStatus.Live))
                {
                    return [.. states.Select(s => new SegmentCount(s.SegmentId, s.Rule, s.Members))];
                }

                var done = states.Sum(s => s.BackfillDone);
                if (done != lastDone)
                {
                    lastDone = done;
                    lastMoved.Restart();
                }
                else if (lastMoved.Elapsed > StalledAfter)
                {
                    var stuck = states.First(s => s.Status != SegmentStatus.Live);
                    throw new InvalidOperationException(
                        $"The backfill of segment '{stuck.SegmentId}' has evaluated no customer for {StalledAfter.TotalSeconds:0} s (at {stuck.BackfillDone}/{stuck.BackfillTotal}); the server's log says why.");
                }

                await Task.Delay(LivePollInterval, cancellationToken);
            }
        });

    private async Task<IReadOnlyList<CustomerProfile>> ReadProfilesAsync(SortedSet<string> customers, CancellationToken cancellationToken)
    {
        var profiles = new CustomerProfile[customers.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = ProfileReaders, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(customers.Select((id, i) => (id, i)), options, async (customer, token) =>
            profiles[customer.i] = await connection.Profiles.GetCustomerAsync(
                new GetCustomerRequest { WorkspaceId = connection.Workspace, CustomerId = customer.id }, cancellationToken: token));
        return profiles;
    }

    /// <summary>The first member (by id) of the first segment that has any: a stable pick, so a seed always shows the same customer.</summary>
    private async Task<ExplainedCustomer?> ExplainAsync(IReadOnlyList<SegmentCount> segments, CancellationToken cancellationToken)
    {
        foreach (var segment in segments.Where(s => s.Members > 0))
        {
            var first = await connection.Segments.ListMembersAsync(
                new ListMembersRequest { WorkspaceId = connection.Workspace, SegmentId = segment.SegmentId, PageSize = 1 }, cancellationToken: cancellationToken);
            if (first.Members.Count == 0)
            {
                continue;
            }

            var customerId = first.Members[0].CustomerId;
            var profile = await connection.Profiles.GetCustomerAsync(
                new GetCustomerRequest { WorkspaceId = connection.Workspace, CustomerId = customerId }, cancellationToken: cancellationToken);
            try
            {
                var explanation = await connection.Profiles.ExplainSegmentAsync(
                    new ExplainSegmentRequest { WorkspaceId = connection.Workspace, CustomerId = customerId, SegmentId = segment.SegmentId }, cancellationToken: cancellationToken);
                return new ExplainedCustomer(profile, segment.SegmentId, explanation, null);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
            {
                return new ExplainedCustomer(profile, segment.SegmentId, null, $"this server does not explain segments yet ({ex.Status.Detail})");
            }
        }

        return null;
    }
}
