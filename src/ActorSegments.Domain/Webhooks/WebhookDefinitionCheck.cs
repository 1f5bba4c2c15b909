using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Webhooks;

/// <summary>
/// What makes a webhook definition acceptable, each problem named by its field. The address itself is checked again
/// when delivering (<see cref="NetworkAddressPolicy"/>): a name can resolve elsewhere later.
/// </summary>
public static class WebhookDefinitionCheck
{
    public static IReadOnlyList<FieldViolation> Check(WebhookDefinition definition, bool allowHttp, int maxSegmentIdLength)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("webhook_id", Identifiers.SnakeCaseProblem(definition.Id, WebhookLimits.MaxIdLength, "a lower-case letter, then lower-case letters, digits or '_'"));
        violations.AddIfProblem("url", UrlProblem(definition.Url, allowHttp));
        if (definition.SegmentIds.Count > WebhookLimits.MaxSegments)
        {
            violations.Add(new FieldViolation("segment_ids", $"must list at most {WebhookLimits.MaxSegments} segments, or none for all (got {definition.SegmentIds.Count})"));
        }

        for (var i = 0; i < definition.SegmentIds.Count && i < WebhookLimits.MaxSegments; i++)
        {
            violations.AddIfProblem($"segment_ids[{i}]", Identifiers.CheckSegmentId(definition.SegmentIds[i], maxSegmentIdLength));
        }

        if (definition.SegmentIds.Distinct(StringComparer.Ordinal).Count() != definition.SegmentIds.Count)
        {
            violations.Add(new FieldViolation("segment_ids", "lists a segment more than once"));
        }

        if (definition.Kinds == WebhookKinds.None || (definition.Kinds & ~WebhookKinds.All) != 0)
        {
            violations.Add(new FieldViolation("kinds", "must name at least one of enter, exit, experiment"));
        }

        if (definition.BatchSize is < 1 or > WebhookLimits.MaxBatchSize)
        {
            violations.Add(new FieldViolation("batch_size", $"must be between 1 and {WebhookLimits.MaxBatchSize} (got {definition.BatchSize})"));
        }

        if (definition.MaxDelay < TimeSpan.Zero || definition.MaxDelay > WebhookLimits.MaxMaxDelay)
        {
            violations.Add(new FieldViolation("max_delay", $"must be between 0 and {WebhookLimits.MaxMaxDelay.TotalSeconds:0} seconds (got {definition.MaxDelay.TotalSeconds} s)"));
        }

        if (definition.Description is { Length: > WebhookLimits.MaxDescriptionLength })
        {
            violations.Add(new FieldViolation("description", $"must be at most {WebhookLimits.MaxDescriptionLength} characters (got {definition.Description.Length})"));
        }

        return violations;
    }

    private static string? UrlProblem(Uri url, bool allowHttp)
    {
        if (!url.IsAbsoluteUri)
        {
            return "must be an absolute URL, as in https://hooks.example.com/actorsegments";
        }

        if (url.OriginalString.Length > WebhookLimits.MaxUrlLength)
        {
            return $"must be at most {WebhookLimits.MaxUrlLength} characters (got {url.OriginalString.Length})";
        }

        if (url.Scheme != Uri.UriSchemeHttps && !(allowHttp && url.Scheme == Uri.UriSchemeHttp))
        {
            return allowHttp
                ? $"must be an http or https URL (got {url.Scheme})"
                : $"must be an https URL (got {url.Scheme}; plain http is accepted only when the server allows it for development)";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "must not carry a user name or password; the signature authenticates the sender";
        }

        return string.IsNullOrEmpty(url.Fragment) ? null : "must not have a fragment (#...)";
    }
}
