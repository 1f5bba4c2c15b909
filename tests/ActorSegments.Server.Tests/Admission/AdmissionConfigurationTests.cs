using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Tests.Admission;

/// <summary>Bad admission settings stop the server at start, naming the setting and its environment variable.</summary>
public sealed class AdmissionConfigurationTests
{
    [Theory]
    [InlineData("--ActorSegments:Admission:MaxEventsInFlight=0", "ActorSegments__Admission__MaxEventsInFlight", "must be between 1 and 10000000")]
    [InlineData("--ActorSegments:Admission:MaxRequestsInFlight=0", "ActorSegments__Admission__MaxRequestsInFlight", "must be between 1 and 100000")]
    [InlineData("--ActorSegments:Admission:InitialDrainRate=0", "ActorSegments__Admission__InitialDrainRate", "must be between 1 and 100000000")]
    [InlineData("--ActorSegments:Admission:MinRetryDelay=00:00:00", "ActorSegments__Admission__MinRetryDelay", "must be between 00:00:00 exclusive and 00:10:00")]
    [InlineData("--ActorSegments:Admission:MaxRetryDelay=00:00:00.100", "ActorSegments__Admission__MaxRetryDelay", "must be at least MinRetryDelay (00:00:00.2500000) (got 00:00:00.1000000)")]
    [InlineData("--ActorSegments:Admission:MaxEventsInFlight=500", "ActorSegments__Ingest__MaxBatchSize", "(1000) (got 500): a full batch must fit")]
    public void Build_InvalidAdmissionSetting_FailsNamingTheSettingAndItsEnvironmentVariable(string arg, string variable, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => ServerApplication.Build([arg]));

        Assert.Contains(ex.Failures, f => f.Contains(variable, StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_AdmissionOff_AcceptsABoundBelowTheBatchLimit()
    {
        await using var app = ServerApplication.Build(["--ActorSegments:Admission:Enabled=false", "--ActorSegments:Admission:MaxEventsInFlight=500"]);

        Assert.False(app.Services.GetRequiredService<IOptions<ActorSegments.Server.Configuration.AdmissionOptions>>().Value.Enabled);
    }
}
