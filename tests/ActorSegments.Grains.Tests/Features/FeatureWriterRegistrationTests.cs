using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Grains.Tests.Features;

public sealed class FeatureWriterRegistrationTests
{
    [Fact]
    public void AddActorSegmentsFeatureWriter_OneWriterThatRunsWithTheSiloAndResolves()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddActorSegmentsInMemoryStorage()
            .AddActorSegmentsFeatureWriter()
            .BuildServiceProvider();

        var writer = services.GetRequiredService<FeatureWriter>();

        Assert.Same(writer, Assert.Single(services.GetServices<ILifecycleParticipant<ISiloLifecycle>>()));
        Assert.IsType<InMemoryFeatureStore>(services.GetRequiredService<IFeatureStore>());
    }
}
