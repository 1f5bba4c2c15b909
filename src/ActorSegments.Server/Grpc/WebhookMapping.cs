using ActorSegments.Domain.Validation;
using ActorSegments.Domain.Webhooks;
using ActorSegments.Grains.Webhooks;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using P = ActorSegments.Protos.V1;

namespace ActorSegments.Server.Grpc;

/// <summary>Webhook destinations between the proto and the Domain.</summary>
internal static class WebhookMapping
{
    /// <summary>The Domain definition, or the request's problems named by their field path in the request.</summary>
    public static (WebhookDefinition? Definition, List<FieldViolation> Violations) ToDomain(P.Webhook webhook)
    {
        var violations = new List<FieldViolation>();
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url))
        {
            violations.Add(new FieldViolation("webhook.url", $"must be an absolute URL, as in https://hooks.example.com/actorsegments (got \"{Shorten(webhook.Url)}\")"));
        }

        var kinds = WebhookKinds.None;
        for (var i = 0; i < webhook.Kinds.Count; i++)
        {
            kinds |= webhook.Kinds[i] switch
            {
                P.WebhookKind.Enter => WebhookKinds.Enter,
                P.WebhookKind.Exit => WebhookKinds.Exit,
                P.WebhookKind.Experiment => WebhookKinds.Experiment,
                _ => Problem(violations, $"webhook.kinds[{i}]", "must be ENTER, EXIT or EXPERIMENT"),
            };
        }

        var maxDelay = webhook.MaxDelay is null ? WebhookLimits.DefaultMaxDelay : webhook.MaxDelay.ToTimeSpan();
        if (violations.Count > 0)
        {
            return (null, violations);
        }

        var definition = new WebhookDefinition(
            webhook.WebhookId,
            url!,
            [.. webhook.SegmentIds],
            webhook.Kinds.Count == 0 ? WebhookKinds.All : kinds,
            webhook.BatchSize == 0 ? WebhookLimits.DefaultBatchSize : webhook.BatchSize,
            maxDelay,
            string.IsNullOrWhiteSpace(webhook.Description) ? null : webhook.Description.Trim());
        return (definition, violations);
    }

    public static P.Webhook ToProto(StoredWebhook stored)
    {
        var definition = stored.Definition;
        var proto = new P.Webhook
        {
            WebhookId = definition.Id,
            Url = definition.Url.OriginalString,
            BatchSize = definition.BatchSize,
            MaxDelay = Duration.FromTimeSpan(definition.MaxDelay),
            Description = definition.Description ?? string.Empty,
            Status = stored.Status switch
            {
                WebhookStatus.Active => P.WebhookStatus.Active,
                WebhookStatus.Paused => P.WebhookStatus.Paused,
                _ => P.WebhookStatus.Failing,
            },
            Version = stored.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(stored.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(stored.UpdatedAt),
            FailingSince = stored.FailingSince is { } since ? Timestamp.FromDateTimeOffset(since) : null,
            LastError = stored.LastError ?? string.Empty,
        };
        proto.SegmentIds.AddRange(definition.SegmentIds);
        foreach (var (kind, proto1) in new[] { (WebhookKinds.Enter, P.WebhookKind.Enter), (WebhookKinds.Exit, P.WebhookKind.Exit), (WebhookKinds.Experiment, P.WebhookKind.Experiment) })
        {
            if (definition.Wants(kind))
            {
                proto.Kinds.Add(proto1);
            }
        }

        proto.Cursors.AddRange(stored.Cursors.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new P.WebhookCursor { SegmentId = c.Key, DeliveredThrough = c.Value.Delivered.ToToken() }));
        return proto;
    }

    public static P.WebhookDelivery ToProto(WebhookDelivery delivery) => new()
    {
        MessageId = delivery.MessageId,
        SegmentId = delivery.SegmentId ?? string.Empty,
        Changes = delivery.Changes,
        AttemptedAt = Timestamp.FromDateTimeOffset(delivery.AttemptedAt),
        Attempt = delivery.Attempt,
        Outcome = delivery.Outcome switch
        {
            WebhookDeliveryOutcome.Delivered => "delivered",
            WebhookDeliveryOutcome.Refused => "refused",
            _ => "failed",
        },
        StatusCode = delivery.StatusCode ?? 0,
        LatencyMs = delivery.Latency.TotalMilliseconds,
        Error = delivery.Error ?? string.Empty,
    };

    /// <summary>INVALID_ARGUMENT with the violations under the request's <c>webhook</c> field, or the refusal's status.</summary>
    public static RpcException ToException(WebhookChangeResult result)
    {
        if (result.Refusal == WebhookRefusal.Invalid && result.Violations.Count > 0)
        {
            return InvalidArgument.Create([.. result.Violations.Select(v => v.Field == "cursor" ? v : v with { Field = "webhook." + v.Field })]);
        }

        var code = result.Refusal switch
        {
            WebhookRefusal.NotFound => StatusCode.NotFound,
            WebhookRefusal.AlreadyExists => StatusCode.AlreadyExists,
            WebhookRefusal.VersionConflict => StatusCode.Aborted,
            _ => StatusCode.InvalidArgument,
        };
        return new RpcException(new Status(code, result.Problem ?? "refused"));
    }

    private static WebhookKinds Problem(List<FieldViolation> violations, string field, string problem)
    {
        violations.Add(new FieldViolation(field, problem));
        return WebhookKinds.None;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
