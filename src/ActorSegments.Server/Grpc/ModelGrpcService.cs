using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Grpc.Core;
using static ActorSegments.Server.Grpc.ModelingMapping;

namespace ActorSegments.Server.Grpc;

/// <summary>Starts model trainings through the workspace's model grain and lists stored versions from the model store.</summary>
internal sealed class ModelGrpcService(IModelStore store, IGrainFactory grains) : ModelService.ModelServiceBase
{
    public override async Task<ModelTraining> TrainModel(TrainModelRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        if (ModelNames.Problem(request.Name) is { } problem)
        {
            throw InvalidArgument.Create("name", problem);
        }

        return ToProto(await Models(request.WorkspaceId).TrainAsync(request.Name));
    }

    public override async Task<ModelTraining> GetModelTraining(GetModelTrainingRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var status = await Models(request.WorkspaceId).StatusAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No model training ran in workspace '{request.WorkspaceId}' since the server started."));
        return ToProto(status);
    }

    public override async Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var response = new ListModelsResponse();
        response.Models.AddRange((await store.ListAsync(request.WorkspaceId, context.CancellationToken)).Select(ToProto));
        return response;
    }

    private IModelGrain Models(string workspaceId) => grains.GetGrain<IModelGrain>(ModelingGrainKey.Models(workspaceId));
}
