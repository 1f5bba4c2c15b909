using System.Net;
using ActorSegments.Grains;
using ActorSegments.Grains.Segments;
using ActorSegments.InMemory;
using ActorSegments.Server.Configuration;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace ActorSegments.Server.Hosting;

internal static class SiloHostingExtensions
{
    /// <summary>The ADO.NET invariant name under which Orleans loads Npgsql.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Hosts the Orleans silo in this process: on PostgreSQL (clustering and reminders; customers' records are in the journal) when a connection
    /// string is configured, otherwise a single dev-mode silo with in-memory state.
    /// </summary>
    public static IHostApplicationBuilder AddActorSegmentsSilo(this IHostApplicationBuilder builder, PostgresOptions postgres, ClusterHostingOptions cluster, ObservabilityOptions observability)
    {
        builder.Services.AddActorSegmentsGrains();
        builder.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, new MembershipClock(TimeProvider.System));
        // A grain that fails on PostgreSQL (an activation reading the journal, a commit) throws Npgsql's exceptions.
        // Orleans serializes exceptions across silos only from allowed namespaces; without Npgsql's, the gateway of a
        // call whose grain lives on another silo would get an unknown error and answer INTERNAL instead of the
        // UNAVAILABLE ("retry, nothing was acknowledged") it answers when the grain is local.
        builder.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        if (postgres.IsConfigured)
        {
            builder.Services.AddSingleton<BackfillScreen>();
        }
        else
        {
            builder.Services.AddActorSegmentsInMemoryStorage();
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = cluster.ServiceId;
                o.ClusterId = cluster.ClusterId;
            });

            silo.AddActorSegmentsDashboard(observability);
            if (postgres.IsConfigured)
            {
                ConfigureEndpoints(silo, cluster);
                silo.UseAdoNetClustering(o => o.Configure<NpgsqlDataSource>((options, dataSource) =>
                {
                    options.Invariant = NpgsqlInvariant;
                    options.DataSource = dataSource;
                }));
                silo.UseAdoNetReminderService(o => o.Configure<NpgsqlDataSource>((options, dataSource) =>
                {
                    options.Invariant = NpgsqlInvariant;
                    options.DataSource = dataSource;
                }));
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.UseInMemoryReminderService();
            }
        });

        return builder;
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, ClusterHostingOptions cluster)
    {
        if (!cluster.Kubernetes)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            return;
        }

        // The pod's address and name, and the service and cluster ids from its labels; the ports stay ours.
        silo.Configure<EndpointOptions>(o =>
        {
            o.SiloPort = cluster.SiloPort;
            o.GatewayPort = cluster.GatewayPort;
        });
        silo.UseKubernetesHosting();
    }
}
