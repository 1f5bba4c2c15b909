using System.Globalization;
using System.Text.Json.Nodes;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Webhooks;

/// <summary>The stored JSON forms of a destination's definition and of its per-segment cursors.</summary>
public static class WebhookJson
{
    public static string Definition(WebhookDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new JsonObject
        {
            ["id"] = definition.Id,
            ["url"] = definition.Url.OriginalString,
            ["segment_ids"] = new JsonArray([.. definition.SegmentIds.Select(s => (JsonNode)s)]),
            ["kinds"] = (int)definition.Kinds,
            ["batch_size"] = definition.BatchSize,
            ["max_delay_ms"] = (long)definition.MaxDelay.TotalMilliseconds,
            ["description"] = definition.Description,
        }.ToJsonString();
    }

    public static WebhookDefinition ReadDefinition(string json)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        return new WebhookDefinition(
            (string)obj["id"]!,
            new Uri((string)obj["url"]!, UriKind.Absolute),
            [.. obj["segment_ids"]!.AsArray().Select(s => (string)s!)],
            (WebhookKinds)(int)obj["kinds"]!,
            (int)obj["batch_size"]!,
            TimeSpan.FromMilliseconds((long)obj["max_delay_ms"]!),
            (string?)obj["description"]);
    }

    public static string Cursors(IReadOnlyDictionary<string, WebhookSegmentCursor> cursors)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        var obj = new JsonObject();
        foreach (var (segment, cursor) in cursors.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject { ["delivered"] = cursor.Delivered.ToToken() };
            if (cursor.PendingTo is { } pending)
            {
                entry["pending_to"] = pending.ToToken();
                entry["pending_count"] = cursor.PendingCount;
            }

            obj[segment] = entry;
        }

        return obj.ToJsonString();
    }

    public static IReadOnlyDictionary<string, WebhookSegmentCursor> ReadCursors(string json)
    {
        var cursors = new Dictionary<string, WebhookSegmentCursor>(StringComparer.Ordinal);
        foreach (var (segment, node) in JsonNode.Parse(json)!.AsObject())
        {
            var entry = node!.AsObject();
            cursors[segment] = new WebhookSegmentCursor(
                Cursor((string)entry["delivered"]!),
                entry["pending_to"] is { } pending ? Cursor((string)pending!) : null,
                entry["pending_count"] is { } count ? (int)count : 0);
        }

        return cursors;
    }

    public static FeedCursor Cursor(string token) =>
        FeedCursor.TryParse(token, out var cursor) ? cursor : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{token}' is not a feed cursor."));
}
