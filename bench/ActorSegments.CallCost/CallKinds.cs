using ActorSegments.Load;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.CallCost;

/// <summary>The calls measured: each small, so what every call pays (transport, access, routing) is a large part of it.</summary>
internal static class CallKinds
{
    /// <summary>A fresh workspace and a key of it with the ingest and read scopes (a stored key, as production callers have).</summary>
    public static async Task<(string Workspace, string Key)> SetUpAsync(LoadConnection bootstrap, CancellationToken cancellationToken)
    {
        var workspace = $"callcost-{Guid.NewGuid():N}"[..24];
        await bootstrap.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: cancellationToken);
        var key = await bootstrap.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = workspace, Name = "call-cost", Scopes = { "ingest", "read" } }, cancellationToken: cancellationToken);
        return (workspace, key.Secret);
    }

    public static IEnumerable<(string Kind, Func<CancellationToken, Task> Call)> All(LoadConnection caller, HttpClient json, string workspace)
    {
        // Track: one event of one of a few known customers (the ingest path minus storage, in memory).
        var sent = 0L;
        yield return ("grpc Track", async ct => await caller.Ingest.TrackAsync(new TrackRequest
        {
            Event = new Event
            {
                WorkspaceId = workspace,
                CustomerId = $"c{sent % 16}",
                EventId = $"e{sent++}",
                Type = "product_viewed",
                OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-1)),
            },
        }, cancellationToken: ct));
        // GetRetention: access, a workspace check and an in-memory read; little else.
        yield return ("grpc GetRetention", async ct => await caller.Admin.GetRetentionAsync(new GetRetentionRequest { WorkspaceId = workspace }, cancellationToken: ct));
        yield return ("json GetRetention", async ct =>
        {
            using var response = await json.GetAsync(new Uri($"/v1/workspaces/{workspace}/retention", UriKind.Relative), ct);
            response.EnsureSuccessStatusCode();
        });
    }
}
