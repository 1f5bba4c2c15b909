using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Rules;

/// <summary>Exact next-change instants for the time-based rule shapes marketers use most.</summary>
public sealed class NextChangeTests
{
    private const long Hour = 3600;
    private const long Day = 86_400;
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly long T0 = UnixTime.Seconds(new DateTimeOffset(2026, 3, 2, 10, 15, 30, TimeSpan.Zero));

    private static CustomerState State(params (string Type, long At)[] events)
    {
        var state = new CustomerState();
        var i = 0;
        foreach (var (type, at) in events)
        {
            state.Apply(new CustomerEvent($"e{i++}", type, UnixTime.ToDateTimeOffset(at), CustomerEvent.NoProperties), Model, at);
        }

        return state;
    }

    private static CompiledRule Rule(string text) => RuleCompiler.Compile(text, Model).Rule ?? throw new InvalidOperationException(text);

    [Fact]
    public void ViewedButNoCartWithin48h_ExitsExactly48hAfterTheLastView()
    {
        var state = State(("product_viewed", T0), ("product_viewed", T0 + Hour));
        var rule = Rule("count(product_viewed, within 48h) >= 1 and count(cart_added, within 48h) = 0");

        Assert.True(rule.Evaluate(state, Model, T0 + Hour));
        Assert.Equal(T0 + Hour + (48 * Hour), rule.NextChange(state, Model, T0 + Hour));
        Assert.True(rule.Evaluate(state, Model, T0 + Hour + (48 * Hour) - 1));
        Assert.False(rule.Evaluate(state, Model, T0 + Hour + (48 * Hour)));
    }

    [Fact]
    public void NoPurchaseIn30Days_EntersExactly30DaysAfterTheLastPurchase()
    {
        var state = State(("purchase", T0));
        var rule = Rule("last(purchase) older than 30d");

        Assert.Equal(T0 + (30 * Day), rule.NextChange(state, Model, T0));
        Assert.False(rule.Evaluate(state, Model, T0 + (30 * Day) - 1));
        Assert.True(rule.Evaluate(state, Model, T0 + (30 * Day)));
        Assert.Equal(UnixTime.Never, rule.NextChange(state, Model, T0 + (30 * Day)));
    }

    [Fact]
    public void CountEqualToOne_WhenTwoEventsLeaveTogether_NeverChanges()
    {
        // Two views ten minutes apart share an hour bucket at 30-day resolution: the count falls from 2 straight to
        // 0, so "= 1" never holds and there is nothing to wake up for.
        var state = State(("product_viewed", T0), ("product_viewed", T0 + 600));
        var rule = Rule("count(product_viewed, within 30d) = 1");

        Assert.False(rule.Evaluate(state, Model, T0 + 600));
        Assert.Equal(UnixTime.Never, rule.NextChange(state, Model, T0 + 600));
    }

    [Fact]
    public void RecencyScore_ChangesTheDayAfterEachBreakpoint()
    {
        var state = State(("purchase", T0));
        var rule = Rule("rfm.recency_score >= 4");

        // Score 5 up to 14 days, 4 up to 30 days: ">= 4" stops holding when recency reaches 31 whole days.
        Assert.Equal(T0 + (31 * Day), rule.NextChange(state, Model, T0));
    }

    [Fact]
    public void EngagementScore_CrossesItsThresholdAtTheExactSecond()
    {
        var state = State(("email_clicked", T0));
        var rule = Rule("engagement.score > 1.5");
        var next = rule.NextChange(state, Model, T0);

        // 3 points halve every 14 days: 1.5 is reached after exactly one half-life.
        Assert.Equal(T0 + (14 * Day), next);
        Assert.True(rule.Evaluate(state, Model, next - 1));
        Assert.False(rule.Evaluate(state, Model, next));
    }

    [Fact]
    public void CartAbandoned_FlipsAtTheConfiguredIdleTime()
    {
        var state = State(("cart_added", T0));
        var rule = Rule("cart.abandoned");

        Assert.Equal(T0 + Hour, rule.NextChange(state, Model, T0));
        Assert.True(rule.Evaluate(state, Model, T0 + Hour));
    }

    [Fact]
    public void Lifecycle_AtRiskRuleEntersAtTheDeadline()
    {
        var state = State(("purchase", T0));
        var rule = Rule("lifecycle = \"at_risk\"");

        Assert.Equal(T0 + (60 * Day), rule.NextChange(state, Model, T0));
        Assert.Equal(T0 + (120 * Day), rule.NextChange(state, Model, T0 + (60 * Day)));
    }

    [Fact]
    public void AbsoluteRange_ChangesOnlyWhenAnEdgeAgesIntoACoarserTier()
    {
        var state = State(("purchase", T0));
        var rule = Rule($"count(purchase, between {Format(T0 - 600)} and {Format(T0 + 600)}) >= 1");

        Assert.True(rule.Evaluate(state, Model, T0));
        // As the edges age the range widens to whole buckets, so the purchase inside it stays counted for good.
        Assert.True(rule.Evaluate(state, Model, T0 + (90 * Day)));
        Assert.True(rule.Evaluate(state, Model, T0 + (300 * Day)));
        Assert.Equal(UnixTime.Never, rule.NextChange(state, Model, T0));
    }

    [Fact]
    public void Explain_ShowsEachConditionWithItsValueAndNextChange()
    {
        var state = State(("product_viewed", T0));
        var rule = Rule("count(product_viewed, within 48h) >= 1 and not did(cart_added, within 48h)");

        var trace = rule.Explain(state, Model, T0);

        Assert.True(trace.Result);
        Assert.Equal(UnixTime.ToDateTimeOffset(T0 + (48 * Hour)), trace.NextChange);
        var views = trace.Children[0];
        Assert.Equal("count(product_viewed, within 2d) >= 1", views.Condition);
        Assert.Equal("1", views.Value);
        Assert.Equal(UnixTime.ToDateTimeOffset(T0 + (48 * Hour)), views.NextChange);
        Assert.Null(trace.Children[1].NextChange);
    }

    private static string Format(long seconds) => UnixTime.ToDateTimeOffset(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
