using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Segments;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>Workspaces, their schema, API keys and journal retention.</summary>
internal sealed class AdminGrpcService(
    IWorkspaceDirectory workspaces,
    IApiKeyStore keys,
    ApiKeyAuthenticator authenticator,
    ISegmentDefinitionStore store,
    SegmentDefinitions definitions,
    IJournalRetention retention,
    TimeProvider time) : AdminService.AdminServiceBase
{
    private const int MaxNameLength = 100;
    private const int MaxRetentionDays = 36_500;

    public override async Task<Retention> SetRetention(SetRetentionRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        if (request.RetentionDays is < 0 or > MaxRetentionDays)
        {
            throw InvalidArgument.Create("retention_days", $"must be 0 (keep everything) to {MaxRetentionDays} days (got {request.RetentionDays})");
        }

        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        await retention.SetDaysAsync(request.WorkspaceId, request.RetentionDays, context.CancellationToken);
        return ToProto(await retention.GetAsync(request.WorkspaceId, context.CancellationToken));
    }

    public override async Task<Retention> GetRetention(GetRetentionRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        return ToProto(await retention.GetAsync(request.WorkspaceId, context.CancellationToken));
    }

    private static Retention ToProto(RetentionStatus status) => new()
    {
        WorkspaceId = status.WorkspaceId,
        RetentionDays = status.RetentionDays,
        PassStartedAt = status.PassStartedAt is { } started ? Timestamp.FromDateTimeOffset(started) : null,
        PassFinishedAt = status.PassFinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
        Running = status.Running,
        Examined = status.Examined,
        Deleted = status.Deleted,
        WaitingForSnapshot = status.WaitingForSnapshot,
    };

    public override async Task<Workspace> CreateWorkspace(CreateWorkspaceRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        if (request.DisplayName.Length > MaxNameLength)
        {
            throw InvalidArgument.Create("display_name", $"at most {MaxNameLength} characters (got {request.DisplayName.Length})");
        }

        context.DemandUnrestricted();
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? request.WorkspaceId : request.DisplayName.Trim();
        if (!await workspaces.CreateAsync(request.WorkspaceId, name, time.GetUtcNow(), context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Workspace '{request.WorkspaceId}' exists already."));
        }

        return ToProto((await workspaces.FindAsync(request.WorkspaceId, context.CancellationToken))!);
    }

    public override async Task<ListWorkspacesResponse> ListWorkspaces(ListWorkspacesRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var all = await workspaces.ListAsync(context.CancellationToken);
        var response = new ListWorkspacesResponse();
        response.Workspaces.AddRange(all.Where(w => caller.Sees(w.WorkspaceId)).Select(ToProto));
        return response;
    }

    public override async Task<Schema> GetSchema(GetSchemaRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var current = await store.LoadAsync(request.WorkspaceId, context.CancellationToken);
        return new Schema { WorkspaceId = request.WorkspaceId, SchemaJson = current.SchemaJson ?? WorkspaceSchemaJson.Serialize(WorkspaceSchema.Commerce) };
    }

    public override async Task<Schema> PutSchema(PutSchemaRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var result = await definitions.SaveSchemaAsync(request.WorkspaceId, request.SchemaJson, context.CancellationToken);
        if (!result.Succeeded)
        {
            throw result.Refusal == SegmentRefusal.InvalidRequest
                ? InvalidArgument.Create("schema_json", result.Problem!)
                : SegmentMapping.ToException(result);
        }

        return await GetSchema(new GetSchemaRequest { WorkspaceId = request.WorkspaceId }, context);
    }

    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var scopes = ApiKeyScopeNames.Parse(request.Scopes);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            throw InvalidArgument.Create("name", $"1 to {MaxNameLength} characters saying what the key is for (got {request.Name.Length})");
        }

        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        if (await workspaces.FindAsync(request.WorkspaceId, context.CancellationToken) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Workspace '{request.WorkspaceId}' does not exist; create it first."));
        }

        var (keyId, secret, hash) = ApiKeyFormat.Generate();
        var record = new ApiKeyRecord(keyId, request.WorkspaceId, request.Name.Trim(), scopes, hash, time.GetUtcNow(), null);
        await keys.CreateAsync(record, context.CancellationToken);
        authenticator.Forget(keyId);
        return new CreateApiKeyResponse { Key = ToProto(record), Secret = secret };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var response = new ListApiKeysResponse();
        response.Keys.AddRange((await keys.ListAsync(request.WorkspaceId, context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        if (!await keys.RevokeAsync(request.WorkspaceId, request.KeyId, time.GetUtcNow(), context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Workspace '{request.WorkspaceId}' has no active key '{request.KeyId}'."));
        }

        authenticator.Forget(request.KeyId);
        return new RevokeApiKeyResponse();
    }

    private static Workspace ToProto(WorkspaceInfo workspace) => new()
    {
        WorkspaceId = workspace.WorkspaceId,
        DisplayName = workspace.DisplayName,
        CreatedAt = Timestamp.FromDateTimeOffset(workspace.CreatedAt),
    };

    private static ApiKey ToProto(ApiKeyRecord key)
    {
        var proto = new ApiKey
        {
            KeyId = key.KeyId,
            WorkspaceId = key.WorkspaceId,
            Name = key.Name,
            CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
            RevokedAt = key.RevokedAt is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
        };
        proto.Scopes.AddRange(ApiKeyScopeNames.Format(key.Scopes));
        return proto;
    }
}
