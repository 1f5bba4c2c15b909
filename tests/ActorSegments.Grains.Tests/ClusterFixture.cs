using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Experiments;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Segments;
using ActorSegments.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace ActorSegments.Grains.Tests;

/// <summary>
/// A two-silo in-process cluster sharing one in-memory journal (customers' records, snapshots included) and
/// definition store, whose grains read a fake clock (Orleans' own background work keeps
/// the real one). Tests use their own workspace ids, so definitions never leak between tests.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public ClusterFixture()
    {
        Erasure = new InMemoryCustomerErasure(Journal, Features, new InMemoryCohortStore(), new InMemoryWebhookStore());
        Retention = new InMemoryJournalRetention(Journal);
        Counts = new InMemorySegmentCounts(Journal);
        Registry = new InMemoryCustomerRegistry(Journal);
        Feed = new InMemoryMembershipFeed(Journal);
        Scan = new InMemoryJournalScan(Journal);
        ExperimentTotals = new InMemoryExperimentTotals(Journal);
        Cluster = BuildCluster();
    }

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public InMemoryCustomerJournal Journal { get; } = new();

    public InMemorySegmentDefinitionStore Definitions { get; } = new(TimeProvider.System);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The feature table the customers of both silos write to.</summary>
    public InMemoryFeatureStore Features { get; } = new();

    /// <summary>Erasure over the shared journal and feature table.</summary>
    public InMemoryCustomerErasure Erasure { get; }

    /// <summary>Journal retention over the shared journal.</summary>
    public InMemoryJournalRetention Retention { get; }

    /// <summary>Segment counts over the shared journal.</summary>
    public InMemorySegmentCounts Counts { get; }

    /// <summary>The customer registry over the shared journal.</summary>
    public InMemoryCustomerRegistry Registry { get; }

    /// <summary>The membership feed over the shared journal.</summary>
    public InMemoryMembershipFeed Feed { get; }

    /// <summary>The journal scan over the shared journal.</summary>
    public InMemoryJournalScan Scan { get; }

    /// <summary>Experiment totals over the shared journal.</summary>
    public InMemoryExperimentTotals ExperimentTotals { get; }

    private InProcessTestCluster BuildCluster()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton<ICustomerJournal>(Journal);
            silo.Services.AddSingleton<IWakeUpSchedule>(Journal);
            silo.Services.AddSingleton<ISegmentCounts>(Counts);
            silo.Services.AddSingleton<ICustomerRegistry>(Registry);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<ISegmentDefinitionStore>(Definitions);
            silo.Services.AddSingleton<IExperimentStore>(Definitions);
            silo.Services.AddSingleton<IExperimentTotals>(ExperimentTotals);
            silo.Services.AddSingleton<IFeatureStore>(Features);
            silo.Services.AddSingleton<ICustomerErasure>(Erasure);
            silo.Services.AddSingleton<IJournalRetention>(Retention);
            silo.Services.AddSingleton<IModelStore, InMemoryModelStore>();
            silo.Services.AddSingleton<ICohortStore, InMemoryCohortStore>();
            silo.Services.AddSingleton<ICohortClusterer, Modeling.NoClustering>();
            silo.Services.AddSingleton<ICohortLabeler, Modeling.NoClustering>();
            silo.Services.AddSingleton<IWebhookStore, InMemoryWebhookStore>();
            silo.Services.AddSingleton<IWorkspaceDirectory, InMemoryWorkspaceDirectory>();
            silo.Services.AddActorSegmentsGrains();
            // Snapshot on every deactivation, so tests exercise snapshots as much as replay.
            silo.Services.Configure<CustomerGrainOptions>(o => o.SnapshotOnDeactivationAfterEvents = 1);
            // Layout upgrades run when a test asks, so a test's count of rows rewritten is its own.
            silo.Services.Configure<FeatureUpgradeOptions>(o => o.CheckEvery = TimeSpan.Zero);
            silo.Services.Configure<IdentityOptions>(o => o.MaxAliases = IdentityTests.MaxAliases);
        });
        return builder.Build();
    }

    /// <summary>The segment definitions service of the first silo (any silo's would do).</summary>
    public SegmentDefinitions SegmentDefinitions => Cluster.Silos[0].ServiceProvider.GetRequiredService<SegmentDefinitions>();

    /// <summary>The experiment definitions service and results reader of the first silo.</summary>
    public ExperimentDefinitions Experiments => Cluster.Silos[0].ServiceProvider.GetRequiredService<ExperimentDefinitions>();

    public ExperimentResultsReader ExperimentResults => Cluster.Silos[0].ServiceProvider.GetRequiredService<ExperimentResultsReader>();

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
