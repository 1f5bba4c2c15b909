namespace ActorSegments.Abstractions.Webhooks;

/// <summary>The string key of a webhook destination's delivery grain: <c>webhook:{workspace}/{webhook}</c>.</summary>
public static class WebhookGrainKey
{
    public const string Prefix = "webhook:";

    public static string Format(string workspaceId, string webhookId) => PrefixedKey.Format(Prefix, workspaceId, webhookId);

    public static (string WorkspaceId, string WebhookId) Parse(string key) =>
        PrefixedKey.TryParse(Prefix, key, out var workspaceId, out var webhookId)
            ? (workspaceId, webhookId)
            : throw new FormatException($"'{key}' is not a webhook grain key ({Prefix}<workspace>/<webhook>).");
}
