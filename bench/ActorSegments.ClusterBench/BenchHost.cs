using ActorSegments.Grains;
using ActorSegments.InMemory;
using ActorSegments.Postgres;
using ActorSegments.Postgres.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ActorSegments.ClusterBench;

/// <summary>One co-hosted silo on 127.0.0.1, on PostgreSQL (journal, snapshots, definitions) or all in memory.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchHost(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts the silo; <paramref name="configure"/> adds settings of a scenario's own after the benchmark's (options
    /// configured there apply on top of these).
    /// </summary>
    public static async Task<BenchHost> StartAsync(string? connectionString, int siloPort, int gatewayPort, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        // Only what concerns the measurements: the benchmark stops hosts with thousands of customers still active.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        builder.Logging.AddFilter("Polly", LogLevel.Critical);
        builder.Logging.AddFilter("ActorSegments.Grains.Customers", LogLevel.Error);
        // Customers with live segments have stored wake-ups; those the sweeper claims while the silo stops fail and
        // are retried on the next start, each with a warning and a stack.
        builder.Logging.AddFilter("ActorSegments.Grains.WakeUps", LogLevel.Error);
        builder.Services.AddActorSegmentsGrains();
        if (connectionString is not null)
        {
            var dataSource = PostgresDataSource.Create(connectionString, "bench");
            await new SchemaMigrator(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            builder.Services.AddSingleton(dataSource);
            builder.Services.AddActorSegmentsPostgresStorage();
            builder.Services.AddSingleton<ActorSegments.Grains.Segments.BackfillScreen>();
        }
        else
        {
            builder.Services.AddActorSegmentsInMemoryStorage();
        }

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "bench", clusterId: $"bench-{siloPort}");
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(1));
            silo.UseInMemoryReminderService();
            configure?.Invoke(silo);
        });

        var host = builder.Build();
        await host.StartAsync();
        return new BenchHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
