using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Tests;

/// <summary>Bad settings stop the server before it starts, with a message naming the setting and its variable.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("--ActorSegments:Cluster:SiloPort=70000", "ActorSegments__Cluster__SiloPort", "1-65535 (got 70000)")]
    [InlineData("--ActorSegments:Cluster:GatewayPort=-1", "ActorSegments__Cluster__GatewayPort", "0 disables it")]
    [InlineData("--ActorSegments:Cluster:ClusterId=has space", "ActorSegments__Cluster__ClusterId", "(got 'has space')")]
    [InlineData("--ActorSegments:Cluster:AdvertisedAddress=silo-1", "ActorSegments__Cluster__AdvertisedAddress", "must be an IP address")]
    [InlineData("--ActorSegments:Postgres:ConnectionString=Hots=x;", "ActorSegments__Postgres__ConnectionString", "not a valid PostgreSQL connection string")]
    [InlineData("--ActorSegments:Customers:SnapshotEveryEvents=0", "ActorSegments__Customers__SnapshotEveryEvents", "1-1000000 (got 0)")]
    [InlineData("--ActorSegments:Identity:MaxAliases=0", "ActorSegments__Identity__MaxAliases", "1-100000 (got 0)")]
    [InlineData("--ActorSegments:Identity:MaxHops=65", "ActorSegments__Identity__MaxHops", "1-64 (got 65)")]
    [InlineData("--ActorSegments:WakeUps:Interval=00:10:00", "ActorSegments__WakeUps__Interval", "at most 00:01:00 (got 00:10:00)")]
    [InlineData("--ActorSegments:Postgres:ConnectionString=Port=5432", "ActorSegments__Postgres__ConnectionString", "names no Host")]
    [InlineData("--ActorSegments:Ingest:MaxBatchSize=0", "ActorSegments__Ingest__MaxBatchSize", "1-10000 (got 0)")]
    [InlineData("--ActorSegments:Modeling:MinK=9", "ActorSegments__Modeling__MinK", "2 or more and at most MaxK (8) (got 9)")]
    [InlineData("--ActorSegments:Modeling:PushConcurrency=0", "ActorSegments__Modeling__PushConcurrency", "1-10000 (got 0)")]
    [InlineData("--ActorSegments:Modeling:Labeler:Provider=ollama", "ActorSegments__Modeling__Labeler__Endpoint", "is required with the \"ollama\" provider")]
    [InlineData("--ActorSegments:Shutdown:DrainTimeout=-00:00:01", "ActorSegments__Shutdown__DrainTimeout", "between 00:00:00 and 00:10:00 (got -00:00:01)")]
    [InlineData("--ActorSegments:Shutdown:ReadinessDelay=01:00:00", "ActorSegments__Shutdown__ReadinessDelay", "(got 01:00:00)")]
    [InlineData("--ActorSegments:Cluster:Kubernetes=true", "ActorSegments__Cluster__Kubernetes", "needs PostgreSQL")]
    public void Build_InvalidSetting_FailsNamingTheSettingAndItsEnvironmentVariable(string arg, string variable, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => ServerApplication.Build([arg]));

        Assert.Contains(variable, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
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
