using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Webhooks;
using ActorSegments.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace ActorSegments.Grains.Tests.Webhooks;

/// <summary>
/// One silo whose webhook workers read a listed feed and deliver to receivers on 127.0.0.1, on a clock that moves only
/// when a test advances it (so a worker's next poll never comes by itself), one message per pass.
/// </summary>
public sealed class WebhookClusterFixture : IAsyncLifetime
{
    /// <summary>Long, and never reached: the clock stands still.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    public WebhookClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddActorSegmentsInMemoryStorage();
            silo.Services.AddSingleton<IMembershipFeed>(Feed);
            silo.Services.AddSingleton<IWebhookStore>(Store);
            silo.UseInMemoryReminderService();
            silo.Services.AddActorSegmentsGrains();
            silo.Services.Configure<WebhookOptions>(o =>
            {
                o.AllowedNetworks = ["127.0.0.0/8"];
                o.PollInterval = PollInterval;
                o.KeeperInterval = TimeSpan.FromHours(1);
                o.MessagesPerPass = 1;
            });
        });
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Now, as the receiver's signature check needs a timestamp close to the real time.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    internal ListedFeed Feed { get; } = new();

    public ActorSegments.InMemory.InMemoryWebhookStore Store { get; } = new();

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
