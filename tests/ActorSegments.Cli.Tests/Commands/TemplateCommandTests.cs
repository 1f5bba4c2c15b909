using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Cli.Tests.Commands;

public sealed class TemplateCommandTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private const string Offer = """
        {% if segments contains "repeat" %}Thanks for coming back{% else %}Welcome{% endif %}, {{ traits.first_name | default: "there" }}!
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("cli-templates-").FullName;

    [Fact]
    public async Task TemplatesRender_PrintsWhatTheCustomerWouldReceive()
    {
        var ws = await WorkspaceAsync(("ann", 2), ("bob", 1));
        await IdentifyAsync(ws, "ann", "Ann");

        var (annExit, ann) = await server.RunAsync(ws, "templates", "render", "--customer", "ann", "--file", await FileAsync(Offer));
        var (bobExit, bob) = await server.RunAsync(ws, "templates", "render", "--customer", "bob", "--file", await FileAsync(Offer));

        Assert.Equal((0, 0), (annExit, bobExit));
        Assert.Equal("Thanks for coming back, Ann!", ann.Trim());
        Assert.Equal("Welcome, there!", bob.Trim());
    }

    [Fact]
    public async Task TemplatesPreview_PrintsEachVariantWithHowManyGetIt()
    {
        var ws = await WorkspaceAsync(("c1", 2), ("c2", 1), ("c3", 2), ("c4", 2), ("c5", 1));

        var (exit, output) = await server.RunAsync(ws, "templates", "preview", "--segment", "buyers", "--file", await FileAsync(Offer));
        var (sampledExit, sampled) = await server.RunAsync(ws, "templates", "preview", "--segment", "buyers", "--sample", "2", "--file", await FileAsync(Offer));

        Assert.Equal((0, 0), (exit, sampledExit));
        Assert.Contains("2 variant(s) over 5 sampled of 5 members", output, StringComparison.Ordinal);
        Assert.Contains("variant 1: 3 customer(s), 60% (e.g. c1, c3, c4)", output, StringComparison.Ordinal);
        Assert.Contains("variant 2: 2 customer(s), 40% (e.g. c2, c5)", output, StringComparison.Ordinal);
        Assert.Contains("Thanks for coming back, there!", output, StringComparison.Ordinal);
        Assert.Contains("2 variant(s) over 2 sampled of 5 members", sampled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatesRender_BrokenTemplate_NamesTheLineAndColumnAndIsRejected()
    {
        var ws = await WorkspaceAsync(("dee", 1));

        var (exit, output) = await server.RunAsync(ws, "templates", "render", "--customer", "dee", "--file", await FileAsync("Hi\n{{ traits.first_name | }}"));

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("error INVALID_ARGUMENT", output, StringComparison.Ordinal);
        Assert.Contains("template:2:23", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatesRender_MissingFile_IsAUsageErrorAndSendsNothing()
    {
        var (exit, output) = await server.RunAsync("templates-missing", "templates", "render", "--customer", "x", "--file", Path.Combine(_directory, "nope.liquid"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("No template file", output, StringComparison.Ordinal);
    }

    private async Task<string> FileAsync(string template)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.liquid");
        await File.WriteAllTextAsync(file, template, TestContext.Current.CancellationToken);
        return file;
    }

    /// <summary>A workspace with segments "buyers" (any purchase) and "repeat" (two or more), and customers with their purchase counts.</summary>
    private async Task<string> WorkspaceAsync(params (string Id, int Purchases)[] customers)
    {
        var ws = $"tpl-{Guid.NewGuid():N}"[..16];
        Assert.Equal(0, (await server.RunAsync(ws, "segments", "create", "buyers", "--rule", "did(purchase)")).Exit);
        Assert.Equal(0, (await server.RunAsync(ws, "segments", "create", "repeat", "--rule", "count(purchase) >= 2")).Exit);
        using var connection = server.Connect(ws);
        var request = new TrackBatchRequest();
        var at = DateTimeOffset.UtcNow.AddHours(-5);
        foreach (var (id, purchases) in customers)
        {
            request.Events.AddRange(Enumerable.Range(0, purchases).Select(i => new Event
            {
                WorkspaceId = ws,
                CustomerId = id,
                EventId = $"{id}-{i}",
                Type = "purchase",
                OccurredAt = Timestamp.FromDateTimeOffset(at.AddHours(i)),
                Properties = { ["revenue"] = Value.ForNumber(10) },
            }));
        }

        await connection.Ingest.TrackBatchAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        return ws;
    }

    private async Task IdentifyAsync(string ws, string customer, string firstName)
    {
        using var connection = server.Connect(ws);
        await connection.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = ws, CustomerId = customer, Traits = { ["first_name"] = Value.ForString(firstName) } }, cancellationToken: TestContext.Current.CancellationToken);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
