using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Webhooks;
using ActorSegments.Grains.Webhooks;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Grpc.Core;
using static ActorSegments.Server.Grpc.WebhookMapping;

namespace ActorSegments.Server.Grpc;

/// <summary>Webhook destinations over the grains layer's <see cref="WebhookDefinitions"/>: admin to change, read to see.</summary>
internal sealed class WebhookGrpcService(WebhookDefinitions webhooks) : WebhookService.WebhookServiceBase
{
    private const int DefaultDeliveries = 100;
    private const int MaxDeliveries = 1000;

    public override async Task<CreateWebhookResponse> CreateWebhook(CreateWebhookRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var definition = Definition(request.Webhook);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var result = await webhooks.CreateAsync(request.WorkspaceId, definition, context.CancellationToken);
        return result.Succeeded ? new CreateWebhookResponse { Webhook = ToProto(result.Webhook!), Secret = result.Secret } : throw ToException(result);
    }

    public override async Task<Webhook> UpdateWebhook(UpdateWebhookRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var definition = Definition(request.Webhook);
        if (request.ExpectedVersion < 0)
        {
            throw InvalidArgument.Create("expected_version", $"must be 0 (whatever is current) or the version the change was made against (got {request.ExpectedVersion})");
        }

        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var result = await webhooks.UpdateAsync(request.WorkspaceId, definition, request.ExpectedVersion == 0 ? null : request.ExpectedVersion, context.CancellationToken);
        return Answer(result);
    }

    public override async Task<Webhook> GetWebhook(GetWebhookRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.WebhookId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        return ToProto(await webhooks.GetAsync(request.WorkspaceId, request.WebhookId, context.CancellationToken) ?? throw NotFound(request.WorkspaceId, request.WebhookId));
    }

    public override async Task<ListWebhooksResponse> ListWebhooks(ListWebhooksRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var response = new ListWebhooksResponse();
        response.Webhooks.AddRange((await webhooks.ListAsync(request.WorkspaceId, context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<DeleteWebhookResponse> DeleteWebhook(DeleteWebhookRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.WebhookId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        return await webhooks.DeleteAsync(request.WorkspaceId, request.WebhookId) ? new DeleteWebhookResponse() : throw NotFound(request.WorkspaceId, request.WebhookId);
    }

    public override async Task<Webhook> PauseWebhook(PauseWebhookRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.WebhookId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        return Answer(await webhooks.PauseAsync(request.WorkspaceId, request.WebhookId, context.CancellationToken));
    }

    public override async Task<Webhook> ResumeWebhook(ResumeWebhookRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.WebhookId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        return Answer(await webhooks.ResumeAsync(request.WorkspaceId, request.WebhookId, context.CancellationToken));
    }

    public override async Task<Webhook> ReplayWebhook(ReplayWebhookRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.WebhookId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        return Answer(await webhooks.ReplayAsync(request.WorkspaceId, request.WebhookId, request.Cursor, context.CancellationToken));
    }

    public override async Task<TestWebhookResponse> TestWebhook(TestWebhookRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.WebhookId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var result = await webhooks.TestAsync(request.WorkspaceId, request.WebhookId);
        return result.Found
            ? new TestWebhookResponse { Delivered = result.Delivered, StatusCode = result.StatusCode ?? 0, LatencyMs = result.LatencyMs, Error = result.Error ?? string.Empty }
            : throw NotFound(request.WorkspaceId, request.WebhookId);
    }

    public override async Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.WebhookId);
        var limit = request.Limit switch
        {
            0 => DefaultDeliveries,
            > 0 and <= MaxDeliveries => request.Limit,
            _ => throw InvalidArgument.Create("limit", $"must be between 1 and {MaxDeliveries}, or 0 for {DefaultDeliveries} (got {request.Limit})"),
        };
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        _ = await webhooks.GetAsync(request.WorkspaceId, request.WebhookId, context.CancellationToken) ?? throw NotFound(request.WorkspaceId, request.WebhookId);
        var response = new ListWebhookDeliveriesResponse();
        response.Deliveries.AddRange((await webhooks.DeliveriesAsync(request.WorkspaceId, request.WebhookId, limit, context.CancellationToken)).Select(ToProto));
        return response;
    }

    private static WebhookDefinition Definition(Webhook? webhook)
    {
        var (definition, violations) = ToDomain(webhook ?? throw InvalidArgument.Create("webhook", "is required: the destination's settings"));
        return violations.Count > 0 ? throw InvalidArgument.Create(violations) : definition!;
    }

    private static Webhook Answer(WebhookChangeResult result) => result.Succeeded ? ToProto(result.Webhook!) : throw ToException(result);

    private static void Ids(string workspaceId, string webhookId)
    {
        RequestChecks.Ids(workspaceId);
        if (Domain.Validation.Identifiers.SnakeCaseProblem(webhookId, WebhookLimits.MaxIdLength, "a lower-case letter, then lower-case letters, digits or '_'") is { } problem)
        {
            throw InvalidArgument.Create("webhook_id", problem);
        }
    }

    private static RpcException NotFound(string workspaceId, string webhookId) =>
        new(new Status(StatusCode.NotFound, $"Webhook '{webhookId}' does not exist in workspace '{workspaceId}'."));
}
