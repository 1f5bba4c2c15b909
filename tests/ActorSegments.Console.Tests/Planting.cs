using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Console.Tests;

/// <summary>Customers with history enough for cohorts and models: as few as those need, sent in batches.</summary>
internal static class Planting
{
    /// <summary>
    /// 60 customers in three kinds (the cohort refresh needs 50): recent big spenders, browsers who view products of one
    /// family, and one-time buyers of long ago.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ThreeKindsAsync(ConsoleServer server, string workspace)
    {
        var now = DateTimeOffset.UtcNow;
        var batch = new TrackBatchRequest();
        var lapsed = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            for (var d = 0; d < 5; d++)
            {
                batch.Events.Add(Make(workspace, $"spender-{i}", "purchase", now.AddDays(-2 - (d * 4)), ("revenue", 300 + i)));
            }

            for (var d = 0; d < 8; d++)
            {
                batch.Events.Add(Make(workspace, $"browser-{i}", "product_viewed", now.AddHours(-4 - (d * 15)), ("product_id", $"p-{d}")));
            }

            lapsed.Add($"lapsed-{i}");
            batch.Events.Add(Make(workspace, $"lapsed-{i}", "purchase", now.AddDays(-200 - i), ("revenue", 20)));
        }

        await server.Ingest.TrackBatchAsync(batch, cancellationToken: TestContext.Current.CancellationToken);
        return lapsed;
    }

    /// <summary>40 customers viewing products of two families, half of them buying the first of theirs: enough for recommendations.</summary>
    public static async Task TwoFamiliesAsync(ConsoleServer server, string workspace)
    {
        var now = DateTimeOffset.UtcNow;
        var batch = new TrackBatchRequest();
        for (var i = 0; i < 40; i++)
        {
            var (customer, family) = ($"viewer-{i}", i % 2 == 0 ? "a" : "b");
            for (var p = 1; p <= 3; p++)
            {
                batch.Events.Add(Make(workspace, customer, "product_viewed", now.AddDays(-40 + p), ("product_id", $"{family}-{p}")));
            }

            if (i % 4 < 2)
            {
                batch.Events.Add(Make(workspace, customer, "purchase", now.AddDays(-30), ("revenue", 20), ("product_id", $"{family}-1")));
            }
        }

        await server.Ingest.TrackBatchAsync(batch, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Segments "buyers" (2 members) and "big-buyers" (1, also in buyers) in a new workspace, and a page signed in with its
    /// read key on the segment list once both counts show.
    /// </summary>
    public static async Task<Microsoft.Playwright.IPage> BuyersAndBigBuyersAsync(ConsoleFixture fixture)
    {
        var ct = TestContext.Current.CancellationToken;
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: ct);
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "big-buyers", Rule = "rfm.monetary >= 100" }, cancellationToken: ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "small", revenue: 10), cancellationToken: ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "big", revenue: 500), cancellationToken: ct);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(workspace.ReadKey);
        await page.GotoAsync("console/segments");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("members-buyers")).ToHaveTextAsync("2", ConsolePages.Live);
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("members-big-buyers")).ToHaveTextAsync("1", ConsolePages.Live);
        return page;
    }

    private static Event Make(string workspace, string customer, string type, DateTimeOffset at, params (string Name, object Value)[] properties)
    {
        var e = new Event { WorkspaceId = workspace, CustomerId = customer, EventId = Guid.NewGuid().ToString("N"), Type = type, OccurredAt = Timestamp.FromDateTimeOffset(at) };
        foreach (var (name, value) in properties)
        {
            e.Properties[name] = value is string text ? Value.ForString(text) : Value.ForNumber(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return e;
    }
}
