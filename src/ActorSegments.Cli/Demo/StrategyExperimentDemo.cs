using ActorSegments.Cli.Connection;
using ActorSegments.Datasets;
using ActorSegments.Datasets.Synthetic;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ActorSegments.Cli.Demo;

/// <summary>
/// The demo's strategy experiment on the synthetic shop: every customer is randomized into three arms, one messaging
/// the AI cohorts the server recommends for a win-back, one messaging a manual segment (recent buyers, the classic
/// choice), and a holdout. The win-back goal is a segment of valuable customers who have stopped buying
/// (<see cref="GoalRule"/>); the server recommends the cohorts in which they are concentrated (RecommendCohorts). It
/// does not see the archetypes: whether its pick beats the manual segment is what the experiment measures. The shop's customers then answer as their hidden archetypes do
/// (<see cref="CampaignResponse"/>), with purchases sent through ingest. The figures printed are read back from the
/// server's experiment results, computed from the journal; the simulator's own counts are kept beside them so a test
/// can check the two agree.
/// </summary>
internal sealed class StrategyExperimentDemo(ServerConnection connection)
{
    public const string ExperimentId = "winback";
    public const string ManualTargeting = "rfm.recency_score >= 4";
    public const string GoalSegmentId = "winback_goal";

    /// <summary>Spent at least the middle of the monetary scale, but has not bought recently.</summary>
    public const string GoalRule = "rfm.monetary_score >= 3 and rfm.recency_score <= 2";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    public async Task<StrategyOutcome?> RunAsync(SyntheticShop shop, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var cohorts = await RecommendedCohortsAsync(cancellationToken);
        if (cohorts.Count == 0)
        {
            return null; // no cohorts on this server, or none holding the goal's customers: nothing to compare
        }

        var experiment = Definition(cohorts);
        try
        {
            await connection.Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = connection.Workspace, Experiment = experiment }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return null; // a second demo run on the same server: its customers are assigned already
        }

        await connection.Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = connection.Workspace, ExperimentId = ExperimentId }, cancellationToken: cancellationToken);
        var customers = shop.Customers.Count;
        var assigned = await PollAsync(r => r.Reach.Sum(a => a.Assigned) >= customers, cancellationToken);

        // Who each messaged arm's segment holds: the customers its targeting reaches.
        var messaged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in experiment.Arms.Where(a => !a.Control))
        {
            await foreach (var member in connection.MembersAsync($"exp-{ExperimentId}-{arm.Name}", 500, cancellationToken))
            {
                messaged.Add(member.CustomerId);
            }
        }

        // The answers, at the server's clock (after every assignment, inside every window).
        var at = assigned.AsOf.ToDateTime().AddSeconds(1);
        var domain = ArmsForHashing(experiment);
        var simulated = new Dictionary<string, (int Customers, int Buyers, double Revenue)>(StringComparer.Ordinal);
        var purchases = new TrackBatchRequest();
        foreach (var customer in shop.Customers)
        {
            var arm = Domain.Experiments.ArmChooser.Choose(domain, customer.Id).Name;
            var answer = CampaignResponse.Answer(seed, customer, messaged.Contains(customer.Id));
            var (n, buyers, revenue) = simulated.GetValueOrDefault(arm);
            simulated[arm] = (n + 1, buyers + (answer is null ? 0 : 1), revenue + (answer?.Revenue ?? 0));
            if (answer is not null)
            {
                var purchase = EventFactory.Create(connection.Workspace, customer.Id, $"{customer.Id}-winback", "purchase", at);
                purchase.Properties.Add("revenue", Value.ForNumber(answer.Revenue));
                purchases.Events.Add(purchase);
            }
        }

        foreach (var batch in purchases.Events.Chunk(500))
        {
            var request = new TrackBatchRequest();
            request.Events.AddRange(batch);
            await connection.Ingest.TrackBatchAsync(request, cancellationToken: cancellationToken);
        }

        var buyersSent = simulated.Values.Sum(s => s.Buyers);
        var results = await PollAsync(r => r.Metrics[0].Arms.Sum(a => a.Conversions) >= buyersSent, cancellationToken);
        var report = await connection.Experiments.GetExperimentReportAsync(new GetExperimentReportRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
        return new StrategyOutcome(cohorts, results, report.Experiments.FirstOrDefault(e => e.ExperimentId == ExperimentId), simulated);
    }

    /// <summary>The experiment: everyone seen, three equal arms, purchases within a week and their revenue.</summary>
    private static Experiment Definition(IReadOnlyList<string> cohorts) => new()
    {
        ExperimentId = ExperimentId,
        Name = "Win-back: AI cohorts against recent buyers",
        Channel = "email",
        Assignment = AssignmentMode.Randomized,
        Audience = "customer.events >= 1",
        Salt = ExperimentId,
        Arms =
        {
            new ExperimentArm { Name = "ai_cohorts", Weight = 1, Targeting = $"cohort in [{string.Join(", ", cohorts.Select(c => $"\"{c}\""))}]" },
            new ExperimentArm { Name = "manual", Weight = 1, Targeting = ManualTargeting },
            new ExperimentArm { Name = "holdout", Weight = 1, Control = true },
        },
        Metrics =
        {
            new ExperimentMetric { Name = "purchase_7d", Kind = MetricKind.Conversion, EventType = "purchase", Where = "revenue > 0", Days = 7 },
            new ExperimentMetric { Name = "revenue_7d", Kind = MetricKind.Revenue, EventType = "purchase", Property = "revenue", Days = 7 },
        },
    };

    /// <summary>The arms and salt the server hashes with, to know each customer's arm as the simulator.</summary>
    private static Domain.Experiments.ExperimentDefinition ArmsForHashing(Experiment experiment) => new(
        experiment.ExperimentId, experiment.Name, experiment.Channel, Domain.Experiments.AssignmentMode.Randomized, experiment.Audience,
        [.. experiment.Arms.Select(a => new Domain.Experiments.ExperimentArm(a.Name, a.Weight, a.Control))], [], experiment.Salt);

    /// <summary>Saves the goal segment (kept when a previous run saved it), waits until it is live, and asks.</summary>
    private async Task<IReadOnlyList<string>> RecommendedCohortsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await connection.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = connection.Workspace, SegmentId = GoalSegmentId, Rule = GoalRule }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var response = await connection.Cohorts.RecommendCohortsAsync(new RecommendCohortsRequest { WorkspaceId = connection.Workspace, GoalSegmentId = GoalSegmentId }, cancellationToken: cancellationToken);
                return response.Recommended;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition && ex.Status.Detail.Contains("no AI cohorts", StringComparison.Ordinal))
            {
                return [];
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition && waited.Elapsed < GiveUpAfter)
            {
                await Task.Delay(PollInterval, cancellationToken); // a segment still backfilling
            }
        }
    }

    private async Task<GetExperimentResultsResponse> PollAsync(Func<GetExperimentResultsResponse, bool> done, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var results = await connection.Experiments.GetExperimentResultsAsync(
                new GetExperimentResultsRequest { WorkspaceId = connection.Workspace, ExperimentId = ExperimentId }, cancellationToken: cancellationToken);
            if (done(results))
            {
                return results;
            }

            if (waited.Elapsed > GiveUpAfter)
            {
                throw new InvalidOperationException($"The experiment '{ExperimentId}' did not reach the expected figures within {GiveUpAfter.TotalMinutes:0} minutes; the server's log says why.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}

/// <summary>
/// What the strategy experiment found: the cohorts the AI arm targeted, the server's results and report entry, and the
/// simulator's own counts per arm (customers, buyers, revenue) for checking.
/// </summary>
internal sealed record StrategyOutcome(
    IReadOnlyList<string> Cohorts,
    GetExperimentResultsResponse Results,
    ExperimentReportEntry? Report,
    IReadOnlyDictionary<string, (int Customers, int Buyers, double Revenue)> Simulated);
