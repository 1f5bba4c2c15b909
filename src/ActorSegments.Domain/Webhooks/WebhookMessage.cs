using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// The body of a webhook message (version 1, docs/integrations.md) and its id. A message carries one segment's changes
/// in feed order; its id is derived from the destination, the segment and the cursors it spans, so a retry of the
/// same changes has the same id and the same body wherever and whenever it is sent (the time of sending is in the
/// signed <c>webhook-timestamp</c> header, not in the body).
/// </summary>
public static class WebhookMessage
{
    public const int Version = 1;
    public const string ChangesType = "segment.changes";
    public const string TestType = "webhook.test";

    private static readonly JsonWriterOptions Compact = new() { Indented = false };

    public static string Id(string workspaceId, string webhookId, string segmentId, FeedCursor after, FeedCursor through)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{workspaceId}\n{webhookId}\n{segmentId}\n{after.ToToken()}\n{through.ToToken()}"));
        return "msg_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The kind of a change of <paramref name="segmentId"/>, as destinations filter on it.</summary>
    public static WebhookKinds KindOf(string segmentId, bool entered) =>
        IsArmSegment(segmentId) ? WebhookKinds.Experiment : entered ? WebhookKinds.Enter : WebhookKinds.Exit;

    public static string Changes(string workspaceId, string webhookId, string segmentId, IReadOnlyList<FeedChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            Header(json, ChangesType, workspaceId, webhookId);
            json.WriteString("segment_id", segmentId);
            if (IsArmSegment(segmentId))
            {
                json.WriteBoolean("experiment_arm", true);
            }

            json.WriteStartArray("changes");
            foreach (var change in changes)
            {
                var cursor = change.Cursor.ToToken();
                json.WriteStartObject();
                json.WriteString("id", $"{segmentId}:{cursor}");
                json.WriteString("cursor", cursor);
                json.WriteString("customer_id", change.CustomerId);
                json.WriteString("change", change.Entered ? "enter" : "exit");
                json.WriteString("kind", KindOf(segmentId, change.Entered) switch { WebhookKinds.Experiment => "experiment", WebhookKinds.Enter => "enter", _ => "exit" });
                json.WriteString("changed_at", change.ChangedAt.UtcDateTime);
                json.WriteString("cause", CauseName(change.Cause));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Test(string workspaceId, string webhookId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            Header(json, TestType, workspaceId, webhookId);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Header(Utf8JsonWriter json, string type, string workspaceId, string webhookId)
    {
        json.WriteString("type", type);
        json.WriteNumber("version", Version);
        json.WriteString("workspace_id", workspaceId);
        json.WriteString("webhook_id", webhookId);
    }

    // exp-{experiment}-{arm}: experiment ids have no '-', so a second '-' after the prefix marks an arm's segment.
    private static bool IsArmSegment(string segmentId) =>
        ExperimentNames.IsExperimentSegment(segmentId) && segmentId.IndexOf('-', ExperimentNames.SegmentPrefix.Length) > 0;

    private static string CauseName(MembershipCause cause) => cause switch
    {
        MembershipCause.Event => "event",
        MembershipCause.Time => "time",
        MembershipCause.Trait => "trait",
        MembershipCause.Model => "model",
        MembershipCause.Definition => "definition",
        MembershipCause.Experiment => "experiment",
        MembershipCause.Merge => "merge",
        MembershipCause.Erased => "erased",
        _ => "unknown",
    };
}
