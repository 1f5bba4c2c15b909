using ActorSegments.Postgres.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Tests;

/// <summary>Bad settings stop the server before it starts, with a message naming the setting and its variable.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("--ActorSegments:Cluster:SiloPort=70000", "ActorSegments__Cluster__SiloPort", "must be between 1 and 65535")]
    [InlineData("--ActorSegments:Cluster:GatewayPort=-1", "ActorSegments__Cluster__GatewayPort", "must be between 0 and 65535")]
    [InlineData("--ActorSegments:Cluster:ClusterId=has space", "ActorSegments__Cluster__ClusterId", "must be 1-150 letters, digits, '-', '_' or '.'")]
    [InlineData("--ActorSegments:Cluster:AdvertisedAddress=silo-1", "ActorSegments__Cluster__AdvertisedAddress", "must be an IP address")]
    [InlineData("--ActorSegments:Postgres:ConnectionString=Hots=x;", "ActorSegments__Postgres__ConnectionString", "not a valid PostgreSQL connection string")]
    [InlineData("--ActorSegments:Customers:SnapshotEveryEvents=0", "ActorSegments__Customers__SnapshotEveryEvents", "must be between 1 and 1000000")]
    [InlineData("--ActorSegments:Identity:MaxAliases=0", "ActorSegments__Identity__MaxAliases", "must be between 1 and 100000")]
    [InlineData("--ActorSegments:Identity:MaxHops=65", "ActorSegments__Identity__MaxHops", "must be between 1 and 64")]
    [InlineData("--ActorSegments:WakeUps:Interval=00:10:00", "ActorSegments__WakeUps__Interval", "must be between 00:00:00 exclusive and 00:01:00")]
    [InlineData("--ActorSegments:Postgres:ConnectionString=Port=5432", "ActorSegments__Postgres__ConnectionString", "names no Host")]
    [InlineData("--ActorSegments:Ingest:MaxBatchSize=0", "ActorSegments__Ingest__MaxBatchSize", "must be between 1 and 10000")]
    [InlineData("--ActorSegments:Modeling:MinK=9", "ActorSegments__Modeling__MinK", "must be at most MaxK (8) (got 9)")]
    [InlineData("--ActorSegments:Modeling:PushConcurrency=0", "ActorSegments__Modeling__PushConcurrency", "must be between 1 and 10000")]
    [InlineData("--ActorSegments:Modeling:Labeler:Provider=ollama", "ActorSegments__Modeling__Labeler__Endpoint", "is required with the \"ollama\" provider")]
    [InlineData("--ActorSegments:Shutdown:DrainTimeout=-00:00:01", "ActorSegments__Shutdown__DrainTimeout", "must be between 00:00:00 and 00:10:00")]
    [InlineData("--ActorSegments:Shutdown:ReadinessDelay=01:00:00", "ActorSegments__Shutdown__ReadinessDelay", "must be between 00:00:00 and 00:10:00")]
    [InlineData("--ActorSegments:Cluster:Kubernetes=true", "ActorSegments__Cluster__Kubernetes", "needs PostgreSQL")]
    [InlineData("--ActorSegments:Journal:Writers=0", "ActorSegments__Journal__Writers", "must be between 1 and 64")]
    [InlineData("--ActorSegments:Features:MaxPending=10", "ActorSegments__Features__MaxPending", "must be at least MaxBatch (5000) (got 10)")]
    [InlineData("--ActorSegments:Webhooks:AllowedNetworks:0=10.0.0.0/99", "ActorSegments__Webhooks__AllowedNetworks__0", "must be a network in CIDR form")]
    [InlineData("--ActorSegments:Auth:BootstrapKey=short", "ActorSegments__Auth__BootstrapKey", "must be at least 32 characters (got 5)")]
    [InlineData("--ActorSegments:Privacy:RedactionBatch=0", "ActorSegments__Privacy__RedactionBatch", "must be between 1 and 100000")]
    [InlineData("--ActorSegments:Console:SessionDuration=00:00:00", "ActorSegments__Console__SessionDuration", "must be between 00:00:01 and 366.00:00:00")]
    [InlineData("--ActorSegments:Retention:Interval=00:00:00", "ActorSegments__Retention__Interval", "must be between 00:00:00 exclusive and 01:00:00")]
    public void Build_InvalidSetting_FailsNamingTheSettingAndItsEnvironmentVariable(string arg, string variable, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => ServerApplication.Build([arg]));

        Assert.Contains(ex.Failures, f => f.Contains(variable, StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_JournalSettings_ReachTheJournal()
    {
        await using var app = ServerApplication.Build(["--ActorSegments:Postgres:ConnectionString=Host=db", "--ActorSegments:Journal:Writers=3", "--ActorSegments:Journal:MaxLoadGroup=64"]);

        var journal = app.Services.GetRequiredService<JournalOptions>();

        Assert.Equal((3, 64), (journal.Writers, journal.MaxLoadGroup));
    }

    [Fact]
    public async Task Build_Defaults_ListenOnTheDocumentedEndpoints()
    {
        await using var app = ServerApplication.Build([]);

        var kestrel = app.Configuration.GetSection("Kestrel:Endpoints");

        Assert.Equal("http://127.0.0.1:5000", kestrel["Grpc:Url"]);
        Assert.Equal("Http2", kestrel["Grpc:Protocols"]);
        Assert.Equal("http://127.0.0.1:5080", kestrel["Http:Url"]);
    }

    [Fact]
    public async Task Build_EnvironmentStyleOverride_MovesTheGrpcEndpoint()
    {
        await using var app = ServerApplication.Build(["--Kestrel:Endpoints:Grpc:Url=http://0.0.0.0:7000"]);

        Assert.Equal("http://0.0.0.0:7000", app.Configuration["Kestrel:Endpoints:Grpc:Url"]);
        Assert.Equal("Http2", app.Configuration["Kestrel:Endpoints:Grpc:Protocols"]);
    }

    [Fact]
    public async Task Build_StopBudget_FitsTheReadinessDelayTheDrainAndTheSilo_UnlessTheHostSettingIsGiven()
    {
        await using var derived = ServerApplication.Build(["--ActorSegments:Shutdown:ReadinessDelay=00:00:05", "--ActorSegments:Shutdown:DrainTimeout=00:00:20"]);
        await using var explicitBudget = ServerApplication.Build(["--shutdownTimeoutSeconds=7"]);

        Assert.Equal(TimeSpan.FromSeconds(85), derived.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), explicitBudget.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task Build_OnKubernetes_TakesTheSiloIdentityFromThePod_AndRefusesToRunOutsideOne()
    {
        await using var kubernetes = ServerApplication.Build(["--ActorSegments:Cluster:Kubernetes=true", "--ActorSegments:Postgres:ConnectionString=Host=db"]);
        await using var plain = ServerApplication.Build(["--ActorSegments:Postgres:ConnectionString=Host=db"]);

        // The pod's environment (downward API) is required: without it the silo's Kubernetes agent cannot be built.
        var outsideAPod = Assert.Throws<OptionsValidationException>(() => kubernetes.Services.GetServices<IHostedService>().ToList());
        Assert.Contains("POD_NAMESPACE", outsideAPod.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plain.Services.GetServices<IHostedService>(), s => s.GetType().Namespace == "Orleans.Hosting.Kubernetes");
    }
}
