using ActorSegments.Grains.WakeUps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorSegments.Grains.Tests;

public sealed class WakeUpSweeperRegistrationTests
{
    /// <summary>
    /// A hosted service stops after the silo it was registered before, and went on claiming wake-ups it could no
    /// longer deliver; as a silo lifecycle participant it runs only while the silo is active.
    /// </summary>
    [Fact]
    public void The_sweeper_runs_with_the_silo_lifecycle_and_is_not_a_hosted_service()
    {
        var services = new ServiceCollection().AddActorSegmentsGrains();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WakeUpSweeper));
        var participant = Assert.Single(services, d => d.ServiceType == typeof(ILifecycleParticipant<ISiloLifecycle>));
        Assert.NotNull(participant.ImplementationFactory);
        Assert.Contains(services, d => d.ServiceType == typeof(WakeUpSweeper) && d.Lifetime == ServiceLifetime.Singleton);
    }
}
