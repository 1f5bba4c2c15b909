using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Tests;

/// <summary>Customers with planted behavior, and waiting for cohort runs and trainings, for tests on either storage.</summary>
internal static class ModelingScenario
{
    public const int PerGroup = 30;

    /// <summary>Three clearly different groups: recent big spenders, heavy browsers who abandon carts, and lapsed one-time buyers.</summary>
    public static async Task<List<List<string>>> PlantGroupsAsync(RunningServer server, string workspace)
    {
        var now = DateTimeOffset.UtcNow;
        var groups = new List<List<string>> { new(), new(), new() };
        for (var i = 0; i < PerGroup; i++)
        {
            var spender = Events.NewCustomerId();
            groups[0].Add(spender);
            await TrackAsync(server, workspace, [.. Enumerable.Range(0, 6).Select(d => Purchase(spender, now.AddDays(-2 - (d * 3)), 400 + i))]);

            var browser = Events.NewCustomerId();
            groups[1].Add(browser);
            await TrackAsync(server, workspace, [.. Enumerable.Range(0, 12).Select(d => View(browser, now.AddHours(-5 - (d * 20)), "Audio", $"p-{d}")), Cart(browser, now.AddDays(-1), "Audio", "p-1"), Cart(browser, now.AddDays(-2), "Audio", "p-2")]);

            var lapsed = Events.NewCustomerId();
            groups[2].Add(lapsed);
            await TrackAsync(server, workspace, Purchase(lapsed, now.AddDays(-250 - i), 25));
        }

        return groups;
    }

    public static async Task<CohortRun> RefreshAndWaitAsync(RunningServer server, string workspace)
    {
        var started = await server.Cohorts.RefreshCohortsAsync(new RefreshCohortsRequest { WorkspaceId = workspace }, cancellationToken: TestContext.Current.CancellationToken);
        return await Eventually.ReturnsAsync(
            () => server.Cohorts.GetCohortRunAsync(new GetCohortRunRequest { WorkspaceId = workspace, RunId = started.RunId }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync,
            r => r.RunStatus != CohortRunStatus.Running,
            TimeSpan.FromMinutes(3));
    }

    public static async Task<ModelTraining> TrainAndWaitAsync(RunningServer server, string workspace, string name)
    {
        await server.Models.TrainModelAsync(new TrainModelRequest { WorkspaceId = workspace, Name = name }, cancellationToken: TestContext.Current.CancellationToken);
        return await Eventually.ReturnsAsync(
            () => server.Models.GetModelTrainingAsync(new GetModelTrainingRequest { WorkspaceId = workspace }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync,
            t => t.TrainingState != ModelTrainingState.Running,
            TimeSpan.FromMinutes(3));
    }

    public static Task<CustomerProfile> ProfileAsync(RunningServer server, string workspace, string customer) =>
        server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = workspace, CustomerId = customer }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync;

    public static async Task TrackAsync(RunningServer server, string workspace, params Event[] events)
    {
        var batch = new TrackBatchRequest();
        batch.Events.AddRange(events.Select(e => { e.WorkspaceId = workspace; return e; }));
        await server.Ingest.TrackBatchAsync(batch, cancellationToken: TestContext.Current.CancellationToken);
    }

    public static Event Purchase(string customer, DateTimeOffset at, double revenue, string? product = null)
    {
        var e = Events.Make(customer, "purchase", occurredAt: at);
        e.Properties["revenue"] = Value.ForNumber(revenue);
        if (product is not null)
        {
            e.Properties["product_id"] = Value.ForString(product);
        }

        return e;
    }

    public static Event View(string customer, DateTimeOffset at, string category, string product)
    {
        var e = Events.Make(customer, "product_viewed", occurredAt: at);
        e.Properties["category"] = Value.ForString(category);
        e.Properties["product_id"] = Value.ForString(product);
        return e;
    }

    public static Event Cart(string customer, DateTimeOffset at, string category, string product)
    {
        var e = Events.Make(customer, "cart_added", occurredAt: at);
        e.Properties["category"] = Value.ForString(category);
        e.Properties["product_id"] = Value.ForString(product);
        e.Properties["price"] = Value.ForNumber(20);
        return e;
    }
}
