using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ActorSegments.Grains.Tests;

/// <summary>A two-silo in-process cluster whose grain storage is <see cref="FaultInjectingGrainStorage"/>.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; } = BuildCluster();

    public IGrainFactory Grains => Cluster.Client;

    private static InProcessTestCluster BuildCluster()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.Services.AddGrainStorage(
            GrainStorageNames.Provider,
            (services, _) => new FaultInjectingGrainStorage(services.GetRequiredService<DeepCopier>())));
        return builder.Build();
    }

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
