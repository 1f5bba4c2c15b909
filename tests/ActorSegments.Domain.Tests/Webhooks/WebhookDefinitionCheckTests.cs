using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Domain.Tests.Webhooks;

/// <summary>What a destination's definition must be, each problem named by its field.</summary>
public sealed class WebhookDefinitionCheckTests
{
    private static WebhookDefinition Valid => new("crm", new Uri("https://hooks.example.com/in"), [], WebhookKinds.All, 100, TimeSpan.FromSeconds(5));

    private static string[] Fields(WebhookDefinition definition, bool allowHttp = false) =>
        [.. WebhookDefinitionCheck.Check(definition, allowHttp, 64).Select(v => v.Field)];

    [Fact]
    public void Check_AValidDefinition_HasNoProblem() => Assert.Empty(Fields(Valid));

    [Theory]
    [InlineData("http://hooks.example.com/in", false, "must be an https URL")]
    [InlineData("ftp://hooks.example.com/in", true, "must be an http or https URL")]
    [InlineData("https://user:pw@hooks.example.com/in", false, "must not carry a user name or password")]
    [InlineData("https://hooks.example.com/in#top", false, "must not have a fragment")]
    public void Check_Urls_PlainHttpOnlyWhenAllowed_NoCredentialsOrFragment(string url, bool allowHttp, string expected)
    {
        var violation = Assert.Single(WebhookDefinitionCheck.Check(Valid with { Url = new Uri(url) }, allowHttp, 64));

        Assert.Equal("url", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
        Assert.Empty(Fields(Valid with { Url = new Uri("http://hooks.example.com/in") }, allowHttp: true));
    }

    [Fact]
    public void Check_EveryOtherField_IsNamed()
    {
        var bad = Valid with
        {
            Id = "CRM!",
            SegmentIds = ["vip", "Not Ok", "vip"],
            Kinds = WebhookKinds.None,
            BatchSize = 0,
            MaxDelay = TimeSpan.FromMinutes(11),
            Description = new string('x', 301),
        };

        Assert.Equal(["webhook_id", "segment_ids[1]", "segment_ids", "kinds", "batch_size", "max_delay", "description"], Fields(bad));
        Assert.Equal(["segment_ids"], Fields(Valid with { SegmentIds = [.. Enumerable.Range(0, 101).Select(i => $"s{i}")] }));
    }
}
