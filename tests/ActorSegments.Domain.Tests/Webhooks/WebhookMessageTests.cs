using System.Text.Json;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Domain.Tests.Webhooks;

/// <summary>The message body (version 1) and id: stable for the same changes, the kinds of changes, the stored forms.</summary>
public sealed class WebhookMessageTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 8, 30, 0, TimeSpan.Zero);

    private static FeedChange Change(ulong transaction, string customer, bool entered) =>
        new(new FeedCursor(transaction, 1), customer, entered, At, MembershipCause.Event, At.AddSeconds(1));

    [Fact]
    public void Changes_TheDocumentedBody()
    {
        var body = WebhookMessage.Changes("shop", "crm", "vip", [Change(10, "c1", true), Change(11, "c2", false)]);

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(("segment.changes", 1, "shop", "crm", "vip"), (root.GetProperty("type").GetString(), root.GetProperty("version").GetInt32(), root.GetProperty("workspace_id").GetString(), root.GetProperty("webhook_id").GetString(), root.GetProperty("segment_id").GetString()));
        var first = root.GetProperty("changes")[0];
        Assert.Equal(("vip:a.1", "a.1", "c1", "enter", "enter", "2026-05-01T08:30:00Z", "event"), (
            first.GetProperty("id").GetString(), first.GetProperty("cursor").GetString(), first.GetProperty("customer_id").GetString(),
            first.GetProperty("change").GetString(), first.GetProperty("kind").GetString(), first.GetProperty("changed_at").GetString(), first.GetProperty("cause").GetString()));
        Assert.Equal("exit", root.GetProperty("changes")[1].GetProperty("change").GetString());
        Assert.False(root.TryGetProperty("experiment_arm", out _));
    }

    [Fact]
    public void Changes_AnErasureExit_HasTheCauseErased()
    {
        var erased = Change(10, "erased:0123456789abcdef01234567", false) with { Cause = MembershipCause.Erased };

        using var json = JsonDocument.Parse(WebhookMessage.Changes("shop", "crm", "vip", [erased]));

        Assert.Equal("erased", json.RootElement.GetProperty("changes")[0].GetProperty("cause").GetString());
    }

    [Fact]
    public void Changes_OfAnArmSegment_AreOfTheExperimentKind()
    {
        var body = WebhookMessage.Changes("shop", "crm", "exp-spring_sale-treatment", [Change(10, "c1", true)]);

        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("experiment_arm").GetBoolean());
        Assert.Equal("experiment", json.RootElement.GetProperty("changes")[0].GetProperty("kind").GetString());
        Assert.Equal(WebhookKinds.Experiment, WebhookMessage.KindOf("exp-spring_sale-treatment", entered: false));
        Assert.Equal(WebhookKinds.Enter, WebhookMessage.KindOf("exp-spring_sale", entered: true)); // the audience, not an arm
        Assert.Equal(WebhookKinds.Exit, WebhookMessage.KindOf("vip", entered: false));
    }

    [Fact]
    public void Id_TheSameSpanGivesTheSameId_AnyOtherSpanDestinationOrSegmentAnother()
    {
        var id = WebhookMessage.Id("shop", "crm", "vip", new FeedCursor(1, 1), new FeedCursor(5, 2));

        Assert.Equal(id, WebhookMessage.Id("shop", "crm", "vip", new FeedCursor(1, 1), new FeedCursor(5, 2)));
        Assert.StartsWith("msg_", id, StringComparison.Ordinal);
        Assert.Equal(5, new HashSet<string>
        {
            id,
            WebhookMessage.Id("shop", "crm", "vip", new FeedCursor(1, 1), new FeedCursor(5, 3)),
            WebhookMessage.Id("shop", "crm", "vip", new FeedCursor(1, 2), new FeedCursor(5, 2)),
            WebhookMessage.Id("shop", "erp", "vip", new FeedCursor(1, 1), new FeedCursor(5, 2)),
            WebhookMessage.Id("shop", "crm", "vips", new FeedCursor(1, 1), new FeedCursor(5, 2)),
        }.Count);
    }

    [Fact]
    public void Json_DefinitionAndCursors_RoundTrip()
    {
        var definition = new WebhookDefinition("crm", new Uri("https://hooks.example.com/a?b=1"), ["vip"], WebhookKinds.Exit | WebhookKinds.Experiment, 25, TimeSpan.FromMilliseconds(2500), "to the CRM");
        var cursors = new Dictionary<string, WebhookSegmentCursor> { ["vip"] = new(new FeedCursor(3, 4), new FeedCursor(9, 1), 7), ["all"] = new(new FeedCursor(2, 2)) };

        var read = WebhookJson.ReadDefinition(WebhookJson.Definition(definition));

        Assert.Equal(definition with { SegmentIds = [] }, read with { SegmentIds = [] });
        Assert.Equal(definition.SegmentIds, read.SegmentIds);
        Assert.Equal(cursors.OrderBy(c => c.Key), WebhookJson.ReadCursors(WebhookJson.Cursors(cursors)).OrderBy(c => c.Key));
    }
}
