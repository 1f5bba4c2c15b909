using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Tests;

/// <summary>An after-the-fact analysis through the public API: a send log and orders ingested, figures read back.</summary>
public sealed class ExperimentIngestTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private ExperimentService.ExperimentServiceClient Experiments => new(Server.As(RunningServer.BootstrapKey).Invoker);

    [Fact]
    public async Task External_SendLogAndOrdersThroughIngest_GiveThePerArmFiguresOfADirectComputationOverTheSameRows()
    {
        var ws = ExperimentMessages.NewWorkspace();
        await Server.Admin.PutSchemaAsync(new PutSchemaRequest
        {
            WorkspaceId = ws,
            SchemaJson = ExperimentMessages.SendLogSchema,
        }, cancellationToken: Ct);
        var experiment = ExperimentMessages.Campaign("spring_test");
        experiment.Assignment = AssignmentMode.External;
        experiment.Audience = string.Empty;
        experiment.External = new ExternalAssignment { EventType = "experiment_assigned", ExperimentProperty = "experiment", ArmProperty = "arm" };
        await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = experiment }, cancellationToken: Ct);
        await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "spring_test" }, cancellationToken: Ct);

        // The rows: last month's sends (customer i got arm i % 2 on day i % 9), then the orders (day sent + i % 20,
        // revenue 5 + i % 11); the metrics count purchases within 14 days and revenue within 30 days of the send.
        var sent = DateTimeOffset.UtcNow.AddDays(-40);
        var rows = Enumerable.Range(0, 120).Select(i => (Customer: $"c{i:D3}", Arm: i % 2 == 0 ? "treatment" : "holdout", At: sent.AddDays(i % 9), OrderAfter: i % 20, Revenue: 5.0 + (i % 11))).ToList();
        await TrackAsync(rows.Select(r => With(Events.Make(r.Customer, "experiment_assigned", $"send-{r.Customer}", r.At, ws), ("experiment", Value.ForString("spring_test")), ("arm", Value.ForString(r.Arm)))));
        await TrackAsync(rows.Select(r => With(Events.Make(r.Customer, "purchase", $"order-{r.Customer}", r.At.AddDays(r.OrderAfter).AddHours(1), ws), ("revenue", Value.ForNumber(r.Revenue)))));

        var results = await Experiments.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = ws, ExperimentId = "spring_test" }, cancellationToken: Ct);

        foreach (var arm in new[] { "treatment", "holdout" })
        {
            var mine = rows.Where(r => r.Arm == arm).ToList();
            var converted = results.Metrics.Single(m => m.Metric.Name == "purchase_14d").Arms.Single(a => a.Arm == arm);
            var revenue = results.Metrics.Single(m => m.Metric.Name == "revenue_30d").Arms.Single(a => a.Arm == arm);
            Assert.Equal(mine.Count, results.Reach.Single(r => r.Arm == arm).Assigned);
            Assert.Equal((mine.Count, mine.Count(r => r.OrderAfter < 14)), ((int)converted.Customers, (int)converted.Conversions));
            Assert.Equal(mine.Where(r => r.OrderAfter < 30).Sum(r => r.Revenue) / mine.Count, revenue.RevenuePerCustomer, 9);
        }
    }

    private static Event With(Event evt, params (string Name, Value Value)[] properties)
    {
        foreach (var (name, value) in properties)
        {
            evt.Properties.Add(name, value);
        }

        return evt;
    }

    private async Task TrackAsync(IEnumerable<Event> events)
    {
        var request = new TrackBatchRequest();
        request.Events.AddRange(events);
        var answer = await Server.Ingest.TrackBatchAsync(request, cancellationToken: Ct);
        Assert.Equal(request.Events.Count, answer.Applied);
    }
}
