using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Lifecycle;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>The lifecycle machine, stage by stage, with the default thresholds (engaged: 3 events in 30 days; at risk
/// after 60 days without a purchase, lapsed after 120; idle prospects lapse after 90; re-engagement lasts 30).</summary>
public sealed class LifecycleTests
{
    private const long Day = 86_400;
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly long T0 = UnixTime.Seconds(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    private readonly CustomerState _state = new();
    private int _ids;

    private LifecycleStage Stage => _state.Lifecycle.Stage;

    private void Event(string type, long at, long? now = null) =>
        _state.Apply(new CustomerEvent($"e{_ids++}", type, UnixTime.ToDateTimeOffset(at), CustomerEvent.NoProperties), Model, now ?? at);

    private void AdvanceTo(long now) => _state.AdvanceTo(now, Model);

    private long NextChange() => LifecycleMachine.NextChange(Stage, _state.LifecycleFacts(Model), _state.Reference, Model.Settings.Lifecycle);

    [Fact]
    public void FirstEvent_MakesANewVisitor()
    {
        Event("page_viewed", T0);

        Assert.Equal(LifecycleStage.NewVisitor, Stage);
        Assert.Equal(new LifecycleTransition(LifecycleStage.NewVisitor, LifecycleStage.None, T0), Assert.Single(_state.Lifecycle.History));
    }

    [Fact]
    public void ThirdActivityWithinThirtyDays_MakesAnEngagedProspect()
    {
        Event("product_viewed", T0);
        Event("product_viewed", T0 + (10 * Day));
        Assert.Equal(LifecycleStage.NewVisitor, Stage);

        Event("cart_added", T0 + (20 * Day));

        Assert.Equal(LifecycleStage.EngagedProspect, Stage);
    }

    [Fact]
    public void ActivitySpreadBeyondTheWindow_DoesNotEngage()
    {
        Event("product_viewed", T0);
        Event("product_viewed", T0 + (20 * Day));
        Event("product_viewed", T0 + (40 * Day));

        Assert.Equal(LifecycleStage.NewVisitor, Stage);
    }

    [Fact]
    public void Purchases_MakeFirstTimeThenRepeatBuyer()
    {
        Event("product_viewed", T0);
        Event("purchase", T0 + Day);
        Assert.Equal(LifecycleStage.FirstTimeBuyer, Stage);

        Event("purchase", T0 + (5 * Day));

        Assert.Equal(LifecycleStage.RepeatBuyer, Stage);
    }

    [Fact]
    public void Buyer_BecomesAtRiskExactlyAtTheDeadlineThenLapsed()
    {
        Event("purchase", T0);
        var atRisk = T0 + (60 * Day);

        AdvanceTo(atRisk - 1);
        Assert.Equal(LifecycleStage.FirstTimeBuyer, Stage);
        Assert.Equal(atRisk, NextChange());

        AdvanceTo(atRisk);
        Assert.Equal(LifecycleStage.AtRisk, Stage);
        Assert.Equal(atRisk, _state.Lifecycle.Since);
        Assert.Equal(T0 + (120 * Day), NextChange());

        AdvanceTo(T0 + (500 * Day));
        Assert.Equal(LifecycleStage.Lapsed, Stage);
        Assert.Equal(T0 + (120 * Day), _state.Lifecycle.Since);
        Assert.Equal(UnixTime.Never, NextChange());
    }

    [Fact]
    public void HistoryReplayedInOrderLongAfterItHappened_RecordsOnlyWhatHappened()
    {
        // A year of purchases imported at once: every event is applied with the clock at the end of the year. The
        // at-risk and lapsed moves after the first purchase are taken back by the second; those after the second
        // (110 and 170 days) really happened before the third.
        var end = T0 + (400 * Day);
        Event("purchase", T0, now: end);
        Event("purchase", T0 + (50 * Day), now: end);
        Event("purchase", T0 + (200 * Day), now: end);

        Assert.Equal(
            [
                (LifecycleStage.NewVisitor, T0), (LifecycleStage.FirstTimeBuyer, T0), (LifecycleStage.RepeatBuyer, T0 + (50 * Day)),
                (LifecycleStage.AtRisk, T0 + (110 * Day)), (LifecycleStage.Lapsed, T0 + (170 * Day)), (LifecycleStage.RepeatBuyer, T0 + (200 * Day)),
                (LifecycleStage.AtRisk, T0 + (260 * Day)), (LifecycleStage.Lapsed, T0 + (320 * Day)),
            ],
            _state.Lifecycle.History.Select(t => (t.Stage, t.At)));
        Assert.Equal((LifecycleStage.Lapsed, T0 + (320 * Day)), (Stage, _state.Lifecycle.Since));
    }

    [Fact]
    public void WakingLate_RecordsEachTransitionAtItsOwnDeadline()
    {
        Event("purchase", T0);

        AdvanceTo(T0 + (300 * Day));

        Assert.Equal(
            [(LifecycleStage.AtRisk, T0 + (60 * Day)), (LifecycleStage.Lapsed, T0 + (120 * Day))],
            _state.Lifecycle.History.Skip(2).Select(t => (t.Stage, t.At)));
    }

    [Fact]
    public void ActivityWhileAtRisk_ReEngages_AndAPurchaseMakesARepeatBuyer()
    {
        Event("purchase", T0);
        AdvanceTo(T0 + (70 * Day));
        Assert.Equal(LifecycleStage.AtRisk, Stage);

        Event("email_clicked", T0 + (75 * Day));
        Assert.Equal(LifecycleStage.ReEngaged, Stage);

        Event("purchase", T0 + (80 * Day));
        Assert.Equal(LifecycleStage.RepeatBuyer, Stage);
    }

    [Fact]
    public void ReEngagement_ExpiresAfterThirtyQuietDays()
    {
        Event("purchase", T0);
        Event("product_viewed", T0 + (65 * Day), now: T0 + (65 * Day));
        Assert.Equal(LifecycleStage.ReEngaged, Stage);
        Assert.Equal(T0 + (95 * Day), NextChange());

        AdvanceTo(T0 + (95 * Day));

        // Still within the lapse threshold of the last purchase: back to at risk, then lapsed at day 120.
        Assert.Equal(LifecycleStage.AtRisk, Stage);
        AdvanceTo(T0 + (120 * Day));
        Assert.Equal(LifecycleStage.Lapsed, Stage);
    }

    [Fact]
    public void IdleProspect_Lapses_AndReturnsAsReEngaged()
    {
        Event("product_viewed", T0);
        AdvanceTo(T0 + (90 * Day));
        Assert.Equal(LifecycleStage.Lapsed, Stage);

        Event("search", T0 + (100 * Day));
        Assert.Equal(LifecycleStage.ReEngaged, Stage);

        Event("purchase", T0 + (101 * Day));
        Assert.Equal(LifecycleStage.FirstTimeBuyer, Stage);
    }

    [Fact]
    public void EmailSentToALapsedCustomer_IsNotActivity()
    {
        Event("purchase", T0);
        AdvanceTo(T0 + (200 * Day));

        Event("email_sent", T0 + (201 * Day));

        Assert.Equal(LifecycleStage.Lapsed, Stage);
    }

    [Fact]
    public void LateActivity_OlderThanKnownActivity_DoesNotReEngage()
    {
        Event("purchase", T0);
        Event("product_viewed", T0 + (10 * Day));
        AdvanceTo(T0 + (80 * Day));
        Assert.Equal(LifecycleStage.AtRisk, Stage);

        // A view from day 5 arrives late: it is history, not a return.
        Event("product_viewed", T0 + (5 * Day), now: T0 + (80 * Day));

        Assert.Equal(LifecycleStage.AtRisk, Stage);
    }

    [Fact]
    public void LatePurchase_CountsButRecencyFollowsTheNewestPurchase()
    {
        Event("purchase", T0 + (50 * Day));
        // An older purchase from day 0 arrives late: two purchases, but the newest is still day 50.
        Event("purchase", T0, now: T0 + (51 * Day));

        Assert.Equal(LifecycleStage.RepeatBuyer, Stage);
        Assert.Equal(T0 + (110 * Day), NextChange());
    }

    [Fact]
    public void LateOldPurchase_ForAVisitor_MovesThroughBuyerToWhereTheDatesSayItIs()
    {
        Event("page_viewed", T0 + (200 * Day));

        Event("purchase", T0, now: T0 + (200 * Day));

        Assert.Equal(LifecycleStage.Lapsed, Stage);
        Assert.Equal(
            [LifecycleStage.NewVisitor, LifecycleStage.FirstTimeBuyer, LifecycleStage.AtRisk, LifecycleStage.Lapsed],
            _state.Lifecycle.History.Select(t => t.Stage));
        Assert.True(_state.Lifecycle.History.Zip(_state.Lifecycle.History.Skip(1)).All(p => p.First.At <= p.Second.At), "history goes back in time");
    }

    [Fact]
    public void StageAt_PredictsWhatAdvancingWillDo()
    {
        Event("purchase", T0);
        var facts = _state.LifecycleFacts(Model);

        var predicted = LifecycleMachine.StageAt(Stage, facts, T0 + (100 * Day), Model.Settings.Lifecycle);
        AdvanceTo(T0 + (100 * Day));

        Assert.Equal(Stage, predicted);
        Assert.Equal(LifecycleStage.AtRisk, predicted);
    }
}
