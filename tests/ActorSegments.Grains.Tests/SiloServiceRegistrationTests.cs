using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Modeling.Cohorts;
using ActorSegments.Grains.Privacy;
using ActorSegments.InMemory;
using ActorSegments.Grains.WakeUps;
using ActorSegments.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorSegments.Grains.Tests;

public sealed class SiloServiceRegistrationTests
{
    /// <summary>
    /// The background loops (wake-up sweeper, feature writer, feature layout upgrade, cohort schedule, webhook keeper,
    /// erased-exit redactor, journal retention) run with the silo lifecycle, not as
    /// hosted services: a hosted service stops after the silo it was registered before, and the sweeper once went on
    /// claiming wake-ups it could no longer deliver.
    /// </summary>
    [Fact]
    public void BackgroundLoops_RunWithTheSiloLifecycleOnceEachAndNoneIsAHostedService()
    {
        var services = new ServiceCollection().AddActorSegmentsGrains();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Equal(7, services.Count(d => d.ServiceType == typeof(ILifecycleParticipant<ISiloLifecycle>)));
        foreach (var loop in new[] { typeof(WakeUpSweeper), typeof(FeatureWriter), typeof(FeatureUpgradeLoop), typeof(CohortScheduler), typeof(WebhookKeeper), typeof(ErasedExitRedactor), typeof(JournalRetentionLoop) })
        {
            Assert.Single(services, d => d.ServiceType == loop && d.Lifetime == ServiceLifetime.Singleton);
        }
    }

    [Fact]
    public void TheFeatureWriter_ResolvesOverInMemoryStorageAsTheOneParticipantOfItsType()
    {
        using var provider = new ServiceCollection().AddLogging().AddActorSegmentsInMemoryStorage().AddActorSegmentsGrains().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<FeatureWriter>());
        Assert.IsType<InMemoryFeatureStore>(provider.GetRequiredService<IFeatureStore>());
    }
}
