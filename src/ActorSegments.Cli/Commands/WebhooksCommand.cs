using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>webhooks</c>: push membership changes to a receiver, signed; follow deliveries; pause, resume, replay.</summary>
internal static class WebhooksCommand
{
    public static Command Create(IAnsiConsole console) => new("webhooks", "Push segment changes to a receiver (Standard Webhooks signatures)")
    {
        CreateCommand(console),
        List(console),
        Show(console),
        Deliveries(console),
        Simple(console, "test", "Send a signed test message now", async (c, id, ct) =>
        {
            var tested = await c.Webhooks.TestWebhookAsync(new TestWebhookRequest { WorkspaceId = c.Workspace, WebhookId = id }, cancellationToken: ct);
            console.MarkupLine(tested.Delivered
                ? $"[green]delivered[/]: HTTP {tested.StatusCode} in {tested.LatencyMs.ToString("0.0", Formats.Culture)} ms"
                : $"[red]not delivered[/]: {Markup.Escape(tested.Error)}");
            return tested.Delivered ? ExitCodes.Success : ExitCodes.Failed;
        }),
        Simple(console, "pause", "Stop delivering (changes wait in the feed)", async (c, id, ct) =>
            Write(console, await c.Webhooks.PauseWebhookAsync(new PauseWebhookRequest { WorkspaceId = c.Workspace, WebhookId = id }, cancellationToken: ct))),
        Simple(console, "resume", "Deliver again from where it stopped", async (c, id, ct) =>
            Write(console, await c.Webhooks.ResumeWebhookAsync(new ResumeWebhookRequest { WorkspaceId = c.Workspace, WebhookId = id }, cancellationToken: ct))),
        Replay(console),
        Simple(console, "delete", "Delete the destination and its delivery log", async (c, id, ct) =>
        {
            await c.Webhooks.DeleteWebhookAsync(new DeleteWebhookRequest { WorkspaceId = c.Workspace, WebhookId = id }, cancellationToken: ct);
            console.MarkupLine($"deleted {Markup.Escape(id)}");
            return ExitCodes.Success;
        }),
    };

    private static Command CreateCommand(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Webhook id, e.g. crm" };
        var url = new Option<string>("--url") { Description = "The receiver (https)", Required = true };
        var segments = new Option<string[]>("--segments") { Description = "Segments to send (none: all)", AllowMultipleArgumentsPerToken = true };
        var kinds = new Option<string[]>("--kinds") { Description = "enter, exit, experiment (none: all)", AllowMultipleArgumentsPerToken = true };
        var batch = new Option<int>("--batch-size") { Description = "Most changes per message (default 100)" };
        var delay = new Option<double?>("--max-delay") { Description = "Seconds a partial batch waits for more (default 5)" };
        return new Command("create", "Create a destination; prints its signing secret once") { id, url, segments, kinds, batch, delay }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var webhook = new Webhook { WebhookId = parse.GetRequiredValue(id), Url = parse.GetRequiredValue(url), BatchSize = parse.GetValue(batch) };
                webhook.SegmentIds.AddRange(parse.GetValue(segments) ?? []);
                foreach (var kind in parse.GetValue(kinds) ?? [])
                {
                    webhook.Kinds.Add(kind.ToLowerInvariant() switch
                    {
                        "enter" => WebhookKind.Enter,
                        "exit" => WebhookKind.Exit,
                        "experiment" => WebhookKind.Experiment,
                        _ => WebhookKind.Unspecified, // the server names the field at fault
                    });
                }

                if (parse.GetValue(delay) is { } seconds)
                {
                    webhook.MaxDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds));
                }

                var created = await connection.Webhooks.CreateWebhookAsync(new CreateWebhookRequest { WorkspaceId = connection.Workspace, Webhook = webhook }, cancellationToken: cancellationToken);
                Write(console, created.Webhook);
                console.MarkupLine($"secret: [bold]{Markup.Escape(created.Secret)}[/] (shown only now: configure the receiver with it)");
                return ExitCodes.Success;
            });
    }

    private static Command List(IAnsiConsole console) =>
        new Command("list", "The workspace's destinations").WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var listed = await connection.Webhooks.ListWebhooksAsync(new ListWebhooksRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
            var table = new Table().AddColumns("webhook", "status", "url", "segments", "kinds", "last error");
            foreach (var w in listed.Webhooks)
            {
                table.AddRow([.. new[] { w.WebhookId, Status(w.Status), w.Url, w.SegmentIds.Count == 0 ? "all" : string.Join(", ", w.SegmentIds), string.Join(", ", w.Kinds.Select(Kind)), w.LastError }.Select(Markup.Escape)]);
            }

            Listing.Write(console, table, "No webhooks yet: [bold]webhooks create ID --url https://...[/].");
            return ExitCodes.Success;
        });

    private static Command Show(IAnsiConsole console) =>
        Simple(console, "show", "One destination with its cursors", async (c, id, ct) =>
            Write(console, await c.Webhooks.GetWebhookAsync(new GetWebhookRequest { WorkspaceId = c.Workspace, WebhookId = id }, cancellationToken: ct)));

    private static Command Deliveries(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Webhook id" };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (default 100)" };
        return new Command("deliveries", "Recent delivery attempts, newest first") { id, limit }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var log = await connection.Webhooks.ListWebhookDeliveriesAsync(new ListWebhookDeliveriesRequest { WorkspaceId = connection.Workspace, WebhookId = parse.GetRequiredValue(id), Limit = parse.GetValue(limit) }, cancellationToken: cancellationToken);
                var table = new Table().AddColumns("at", "message", "segment", "changes", "attempt", "outcome", "status", "ms", "error");
                foreach (var d in log.Deliveries)
                {
                    table.AddRow([.. new[] { Formats.Time(d.AttemptedAt), d.MessageId, d.SegmentId, d.Changes.ToString(Formats.Culture), d.Attempt.ToString(Formats.Culture), d.Outcome, d.StatusCode == 0 ? "-" : d.StatusCode.ToString(Formats.Culture), d.LatencyMs.ToString("0.0", Formats.Culture), d.Error }.Select(Markup.Escape)]);
                }

                Listing.Write(console, table, "No deliveries yet.");
                return ExitCodes.Success;
            });
    }

    private static Command Replay(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Webhook id" };
        var cursor = new Option<string>("--cursor") { Description = "A change-feed cursor (from segments changes); none for the start" };
        return new Command("replay", "Send every change again from a cursor") { id, cursor }
            .WithAction(console, async (parse, connection, cancellationToken) =>
                Write(console, await connection.Webhooks.ReplayWebhookAsync(new ReplayWebhookRequest { WorkspaceId = connection.Workspace, WebhookId = parse.GetRequiredValue(id), Cursor = parse.GetValue(cursor) ?? string.Empty }, cancellationToken: cancellationToken)));
    }

    private static Command Simple(IAnsiConsole console, string name, string description, Func<ServerConnection, string, CancellationToken, Task<int>> run)
    {
        var id = new Argument<string>("id") { Description = "Webhook id" };
        return new Command(name, description) { id }
            .WithAction(console, (parse, connection, cancellationToken) => run(connection, parse.GetRequiredValue(id), cancellationToken));
    }

    private static int Write(IAnsiConsole console, Webhook webhook)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("webhook", Markup.Escape(webhook.WebhookId));
        grid.AddRow("status", Markup.Escape(Status(webhook.Status)));
        grid.AddRow("url", Markup.Escape(webhook.Url));
        grid.AddRow("segments", Markup.Escape(webhook.SegmentIds.Count == 0 ? "all" : string.Join(", ", webhook.SegmentIds)));
        grid.AddRow("kinds", Markup.Escape(string.Join(", ", webhook.Kinds.Select(Kind))));
        grid.AddRow("batching", Markup.Escape($"{webhook.BatchSize} changes or {webhook.MaxDelay.ToTimeSpan().TotalSeconds.ToString("0.###", Formats.Culture)} s"));
        if (webhook.FailingSince is not null)
        {
            grid.AddRow("failing since", Markup.Escape($"{Formats.Time(webhook.FailingSince)}: {webhook.LastError}"));
        }

        foreach (var cursor in webhook.Cursors)
        {
            grid.AddRow($"  {Markup.Escape(cursor.SegmentId)}", $"delivered through {Markup.Escape(cursor.DeliveredThrough)}");
        }

        console.Write(grid);
        return ExitCodes.Success;
    }

    private static string Status(WebhookStatus status) => status switch
    {
        WebhookStatus.Active => "active",
        WebhookStatus.Paused => "paused",
        WebhookStatus.Failing => "failing (paused by the system; resume to continue)",
        _ => "unknown",
    };

    private static string Kind(WebhookKind kind) => kind.ToString().ToLowerInvariant();
}
