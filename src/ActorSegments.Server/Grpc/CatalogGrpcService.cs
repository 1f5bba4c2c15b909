using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// The item catalog over <see cref="ICatalogStore"/>: batches validated whole before anything is written
/// (<see cref="CatalogValidator"/>), ingest scope to write (admin includes it), read scope to see.
/// </summary>
internal sealed class CatalogGrpcService(ICatalogStore catalog) : CatalogService.CatalogServiceBase
{
    private static CatalogLimits Limits => CatalogLimits.Default;

    public override async Task<CatalogWriteResponse> UpsertItems(UpsertItemsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var items = request.Items.Select(CatalogMapping.ToDomain).ToList();
        Refuse(CatalogValidator.Validate(items, Limits));
        context.Demand(request.WorkspaceId, ApiKeyScopes.Ingest);
        var write = await catalog.UpsertAsync(request.WorkspaceId, items, Limits.MaxCatalogItems, context.CancellationToken);
        return write.Applied
            ? Answer(write)
            : throw new RpcException(new Status(StatusCode.FailedPrecondition, $"The catalog of workspace '{request.WorkspaceId}' holds {write.Count} items; this batch would take it past the limit of {Limits.MaxCatalogItems}. Nothing was applied."));
    }

    public override async Task<CatalogWriteResponse> DeleteItems(DeleteItemsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        Refuse(CatalogValidator.ValidateIds(request.ItemIds, Limits));
        context.Demand(request.WorkspaceId, ApiKeyScopes.Ingest);
        return Answer(await catalog.DeleteAsync(request.WorkspaceId, request.ItemIds, context.CancellationToken));
    }

    public override async Task<Protos.V1.CatalogItem> GetItem(GetItemRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        Refuse([.. CatalogValidator.ValidateIds([request.ItemId], Limits).Select(v => v with { Field = "item_id" })]);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var item = await catalog.GetAsync(request.WorkspaceId, request.ItemId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Workspace '{request.WorkspaceId}' has no catalog item '{Identifiers.Shorten(request.ItemId)}'."));
        return CatalogMapping.ToProto(item);
    }

    public override async Task<ListItemsResponse> ListItems(ListItemsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var size = RequestChecks.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var items = await catalog.ListAsync(request.WorkspaceId, after, size, context.CancellationToken);
        var response = new ListItemsResponse { NextPageToken = items.Count == size ? PageToken.Encode(items[^1].Id) : string.Empty };
        response.Items.AddRange(items.Select(CatalogMapping.ToProto));
        return response;
    }

    public override async Task<Protos.V1.CatalogInfo> GetCatalogInfo(GetCatalogInfoRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var info = await catalog.InfoAsync(request.WorkspaceId, context.CancellationToken);
        return new Protos.V1.CatalogInfo { Version = info.Version, Count = info.Count };
    }

    private static CatalogWriteResponse Answer(CatalogWrite write) => new() { Version = write.Version, Count = write.Count, Changed = write.Changed };

    private static void Refuse(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw InvalidArgument.Create(violations);
        }
    }
}
