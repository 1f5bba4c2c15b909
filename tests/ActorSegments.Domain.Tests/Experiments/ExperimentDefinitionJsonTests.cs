using System.Text.Json;
using ActorSegments.Domain.Experiments;

namespace ActorSegments.Domain.Tests.Experiments;

public sealed class ExperimentDefinitionJsonTests
{
    [Fact]
    public void RoundTrip_AStrategyExperimentWithEveryMetricKind_ComesBackEqual()
    {
        var definition = ExperimentSamples.CampaignTest(ExperimentSamples.Purchase7d, ExperimentSamples.Revenue30d, ExperimentSamples.Retention7) with
        {
            Arms = [new ExperimentArm("ai", 1, Targeting: "cohort = \"cohort-2\""), new ExperimentArm("holdout", 1, Control: true)],
        };

        var copy = ExperimentDefinitionJson.Deserialize(ExperimentDefinitionJson.Serialize(definition));

        Assert.Equal(definition with { Arms = [], Metrics = [] }, copy with { Arms = [], Metrics = [] });
        Assert.Equal(definition.Arms, copy.Arms);
        Assert.Equal(definition.Metrics, copy.Metrics);
    }

    [Fact]
    public void Serialize_UsesTheStoredNames()
    {
        var definition = ExperimentSamples.CampaignTest() with { Mode = AssignmentMode.External, Audience = null, External = new ExternalAssignment("email_sent", "campaign", "variant") };

        var json = ExperimentDefinitionJson.Serialize(definition);

        Assert.Contains("\"mode\":\"EXTERNAL\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"CONVERSION\"", json, StringComparison.Ordinal);
        Assert.Contains("\"event_type\":\"purchase\"", json, StringComparison.Ordinal);
        Assert.Contains("\"external\":{\"event_type\":\"email_sent\",\"experiment_property\":\"campaign\",\"arm_property\":\"variant\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"audience\":null", json, StringComparison.Ordinal);
        Assert.Equal(definition.External, ExperimentDefinitionJson.Deserialize(json).External);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"id\":\"x\"}")]
    [InlineData("{\"id\":\"x\",\"name\":\"n\",\"channel\":\"email\",\"mode\":\"SOMETIMES\",\"arms\":[],\"metrics\":[],\"salt\":\"x\"}")]
    [InlineData("{\"id\":\"x\",\"name\":\"n\",\"channel\":\"email\",\"mode\":1,\"arms\":[],\"metrics\":[],\"salt\":\"x\"}")]
    [InlineData("{\"id\":\"x\",\"name\":\"n\",\"channel\":\"email\",\"mode\":\"RANDOMIZED\",\"arms\":[],\"metrics\":[],\"salt\":\"x\",\"surprise\":1}")]
    public void Deserialize_SomethingElse_IsRefused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ExperimentDefinitionJson.Deserialize(json));
    }
}
