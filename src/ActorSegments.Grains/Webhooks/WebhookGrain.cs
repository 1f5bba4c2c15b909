using ActorSegments.Abstractions.Webhooks;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Webhooks;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Webhooks;

/// <summary>
/// A destination's delivery worker. While the destination is active a timer (which keeps the activation alive) looks
/// for new changes of each wanted segment after the destination's cursor, and sends them in feed order, one message at
/// a time. Before a message goes out its bounds are stored with the cursor, so a retry, after a restart or on another
/// silo, sends the same changes under the same id; the cursor moves past them only once the receiver answered 2xx.
/// A failure backs off (<see cref="WebhookBackoff"/>); failing for longer than the configured time pauses the
/// destination as failing, which a resume continues from where it stopped.
/// </summary>
internal sealed partial class WebhookGrain(
    IWebhookStore store,
    IMembershipFeed feed,
    SegmentCatalog catalog,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain
{
    private string _workspaceId = string.Empty;
    private string _webhookId = string.Empty;
    private StoredWebhook? _webhook;
    private IGrainTimer? _timer;
    private int _failures;
    private DateTimeOffset _retryAt;
    private FeedCursor? _lastHead;
    private bool _waiting;

    private WebhookOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_workspaceId, _webhookId) = WebhookGrainKey.Parse(this.GetPrimaryKeyString());
        _webhook = await store.GetAsync(_workspaceId, _webhookId, cancellationToken);
        Schedule();
    }

    public Task WakeAsync() => Task.CompletedTask; // activating is the point: OnActivateAsync starts the timer

    public async Task<WebhookCommandResult> ApplyAsync(WebhookCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _webhook = await store.GetAsync(_workspaceId, _webhookId);
        if (_webhook is null)
        {
            return new WebhookCommandResult(Found: false);
        }

        var now = clock.GetUtcNow();
        switch (command.Kind)
        {
            case WebhookCommandKind.Update:
                if (command.ExpectedVersion is { } expected && expected != _webhook.Version)
                {
                    return new WebhookCommandResult(true, $"webhook '{_webhookId}' is at version {_webhook.Version}, not {expected}");
                }

                var definition = WebhookJson.ReadDefinition(command.DefinitionJson!);
                // A segment no longer wanted forgets its cursor: wanted again later, it starts from then, not from where it left.
                var kept = _webhook.Cursors.Where(c => definition.Wants(c.Key)).ToDictionary(StringComparer.Ordinal);
                await SaveAsync(_webhook with { Definition = definition, Version = _webhook.Version + 1, Cursors = kept, UpdatedAt = now });
                _lastHead = null;
                break;
            case WebhookCommandKind.Pause:
                await SaveAsync(_webhook with { Status = WebhookStatus.Paused, UpdatedAt = now });
                break;
            case WebhookCommandKind.Resume:
                _failures = 0;
                _retryAt = now;
                _lastHead = null;
                await SaveAsync(_webhook with { Status = WebhookStatus.Active, FailingSince = null, UpdatedAt = now });
                break;
            case WebhookCommandKind.Replay:
                _lastHead = null;
                await SaveAsync(_webhook with { Start = WebhookJson.Cursor(command.Cursor ?? string.Empty), Cursors = new Dictionary<string, WebhookSegmentCursor>(StringComparer.Ordinal), UpdatedAt = now });
                break;
            case WebhookCommandKind.Delete:
                await store.DeleteAsync(_workspaceId, _webhookId);
                _webhook = null;
                DeactivateOnIdle();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "unknown webhook command");
        }

        Schedule();
        return new WebhookCommandResult(Found: true);
    }

    public async Task<WebhookTestResult> TestAsync()
    {
        _webhook = await store.GetAsync(_workspaceId, _webhookId);
        if (_webhook is null)
        {
            return new WebhookTestResult(false, false, null, 0, null);
        }

        var now = clock.GetUtcNow();
        var messageId = $"msg_test_{now.ToUnixTimeMilliseconds()}";
        var result = await sender.SendAsync(_webhook.Definition.Url, WebhookSecret.FromKey(_webhook.Key), messageId, WebhookMessage.Test(_workspaceId, _webhookId));
        await LogAsync(new WebhookDelivery(messageId, null, 0, now, 1, result.Outcome, result.StatusCode, result.Latency, result.Error));
        return new WebhookTestResult(true, result.Delivered, result.StatusCode, result.Latency.TotalMilliseconds, result.Error);
    }

    /// <summary>Runs the timer while the destination is active, and only then.</summary>
    private void Schedule()
    {
        if (_webhook is { Status: WebhookStatus.Active })
        {
            _timer ??= this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Options.PollInterval) { KeepAlive = true });
        }
        else
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (_webhook is not { Status: WebhookStatus.Active } || clock.GetUtcNow() < _retryAt)
        {
            return;
        }

        try
        {
            // The head moves with every commit of the workspace; unmoved, and with nothing held back, there is nothing new.
            var head = await feed.HeadAsync(_workspaceId, cancellationToken);
            if (head == _lastHead && !_waiting)
            {
                return;
            }

            _waiting = false;
            var sent = 0;
            foreach (var segmentId in await SegmentsAsync(cancellationToken))
            {
                while (sent < Options.MessagesPerPass)
                {
                    var step = await DeliverNextAsync(segmentId, cancellationToken);
                    if (step == Step.Failed)
                    {
                        return;
                    }

                    if (step == Step.Idle)
                    {
                        break;
                    }

                    sent++;
                }
            }

            // Only a pass that finished everything can skip the next one on an unmoved head. One that stopped at the
            // limit has more to send: the next pass comes at once (after the calls that waited meanwhile), not a poll
            // interval later, which would cap a destination at MessagesPerPass messages per interval.
            if (sent < Options.MessagesPerPass)
            {
                _lastHead = head;
            }
            else
            {
                _lastHead = null;
                _timer?.Change(TimeSpan.Zero, Options.PollInterval);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPassFailed(ex, _workspaceId, _webhookId);
        }
    }

    private async Task<IReadOnlyList<string>> SegmentsAsync(CancellationToken cancellationToken)
    {
        var definition = _webhook!.Definition;
        if (definition.SegmentIds.Count > 0)
        {
            return definition.SegmentIds;
        }

        // Every segment defined now, and those it has a cursor for: a deleted segment's last exits still go out.
        var workspace = await catalog.GetAsync(_workspaceId, cancellationToken);
        return [.. workspace.Segments.Segments.Select(s => s.Id).Union(_webhook.Cursors.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private enum Step
    {
        Idle,
        Advanced,
        Failed,
    }

    private async Task<Step> DeliverNextAsync(string segmentId, CancellationToken cancellationToken)
    {
        var webhook = _webhook!;
        var definition = webhook.Definition;
        var cursor = webhook.CursorOf(segmentId);
        var page = await feed.ReadAsync(_workspaceId, segmentId, cursor.Delivered, cursor.PendingTo is null ? definition.BatchSize : cursor.PendingCount, cancellationToken);
        var changes = cursor.PendingTo is { } bound ? [.. page.Changes.Where(c => c.Cursor <= bound)] : page.Changes;
        if (changes.Count == 0)
        {
            return Step.Idle;
        }

        var now = clock.GetUtcNow();
        if (cursor.PendingTo is null && changes.Count < definition.BatchSize && changes[0].LoggedAt + definition.MaxDelay > now)
        {
            _waiting = true; // a partial batch waits for more, up to the delay
            return Step.Idle;
        }

        var through = changes[^1].Cursor;
        var wanted = changes.Where(c => definition.Wants(WebhookMessage.KindOf(segmentId, c.Entered))).ToList();
        if (wanted.Count == 0)
        {
            await SaveCursorAsync(segmentId, new WebhookSegmentCursor(through));
            return Step.Advanced;
        }

        if (cursor.PendingTo is null)
        {
            await SaveCursorAsync(segmentId, cursor with { PendingTo = through, PendingCount = changes.Count });
        }

        var messageId = WebhookMessage.Id(_workspaceId, _webhookId, segmentId, cursor.Delivered, through);
        var body = WebhookMessage.Changes(_workspaceId, _webhookId, segmentId, wanted);
        var result = await sender.SendAsync(definition.Url, WebhookSecret.FromKey(webhook.Key), messageId, body, cancellationToken);
        await LogAsync(new WebhookDelivery(messageId, segmentId, wanted.Count, now, _failures + 1, result.Outcome, result.StatusCode, result.Latency, result.Error));
        if (result.Delivered)
        {
            _failures = 0;
            await SaveAsync(_webhook! with
            {
                Cursors = WithCursor(_webhook!, segmentId, new WebhookSegmentCursor(through)),
                FailingSince = null,
                LastError = null,
                UpdatedAt = now,
            });
            return Step.Advanced;
        }

        _failures++;
        _retryAt = now + WebhookBackoff.Delay(_failures, result.RetryAfter, Random.Shared.NextDouble(), Options.RetryFirst, Options.RetryLongest);
        var failingSince = _webhook!.FailingSince ?? now;
        var giveUp = now - failingSince >= Options.PauseAfter;
        await SaveAsync(_webhook with
        {
            FailingSince = failingSince,
            LastError = result.Error,
            Status = giveUp ? WebhookStatus.Failing : WebhookStatus.Active,
            UpdatedAt = now,
        });
        if (giveUp)
        {
            LogPausedFailing(_workspaceId, _webhookId, failingSince, result.Error);
            Schedule();
        }

        return Step.Failed;
    }

    private Task SaveCursorAsync(string segmentId, WebhookSegmentCursor cursor) =>
        SaveAsync(_webhook! with { Cursors = WithCursor(_webhook!, segmentId, cursor), UpdatedAt = clock.GetUtcNow() });

    private static Dictionary<string, WebhookSegmentCursor> WithCursor(StoredWebhook webhook, string segmentId, WebhookSegmentCursor cursor) =>
        new(webhook.Cursors, StringComparer.Ordinal) { [segmentId] = cursor };

    private async Task SaveAsync(StoredWebhook webhook)
    {
        if (!await store.SaveAsync(_workspaceId, webhook))
        {
            _webhook = null; // deleted meanwhile
            Schedule();
            return;
        }

        _webhook = webhook;
    }

    private Task LogAsync(WebhookDelivery delivery) => store.AppendDeliveryAsync(_workspaceId, _webhookId, delivery, Options.DeliveryLogSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery pass of webhook {WorkspaceId}/{WebhookId} failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception, string workspaceId, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WorkspaceId}/{WebhookId} has failed since {FailingSince:O} and is paused as failing (last error: {Error}); resume it to continue from its cursors")]
    private partial void LogPausedFailing(string workspaceId, string webhookId, DateTimeOffset failingSince, string? error);
}
