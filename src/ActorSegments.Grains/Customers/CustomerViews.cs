using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Lifecycle;
using ActorSegments.Domain.Rules.Evaluation;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;

namespace ActorSegments.Grains.Customers;

/// <summary>Read-only views of a customer's state for the gateway, taken as of one instant.</summary>
internal static class CustomerViews
{
    private const int TopInterests = 5;

    public static CustomerProfileView Profile(string workspaceId, string customerId, CustomerState state, Memberships memberships, BehaviorModel model, long now)
    {
        var types = state.EventTypes
            .Where(p => !p.Value.IsEmpty)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new EventTypeSummary(p.Key, p.Value.TotalCount, UnixTime.ToDateTimeOffset(p.Value.FirstSeen), UnixTime.ToDateTimeOffset(p.Value.LastSeen)))
            .ToArray();
        var stage = LifecycleMachine.StageAt(state.Lifecycle.Stage, state.LifecycleFacts(model), now, model.Settings.Lifecycle);
        var cart = state.Cart;
        return new CustomerProfileView(workspaceId, customerId, state.TotalEvents, types)
        {
            Lifecycle = LifecycleStageNames.Name(stage),
            Segments = [.. memberships.Members.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new SegmentMembershipView(p.Key, UnixTime.ToDateTimeOffset(p.Value)))],
            Traits = [.. state.Traits.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new TraitView(p.Key, p.Value.Type, p.Value.Text ?? (p.Value.Type == Domain.Schema.DataType.Timestamp ? p.Value.ToString() : null), p.Value.Number, p.Value.List?.ToArray()))],
            Rfm = RfmValues.Of(state, model, now) is { } rfm ? new RfmView(rfm.RecencyDays, rfm.Frequency, rfm.Monetary, rfm.RecencyScore, rfm.FrequencyScore, rfm.MonetaryScore) : null,
            LifecycleHistory = [.. state.Lifecycle.History.Select(t => new LifecycleChangeView(LifecycleStageNames.Name(t.Stage), LifecycleStageNames.Name(t.From), UnixTime.ToDateTimeOffset(t.At)))],
            Scores = new Dictionary<string, double>(state.Scores, StringComparer.Ordinal),
            Cohort = state.Cohort,
            Engagement = state.EngagementAt(now, model),
            TopProducts = [.. state.Products.Top(TopInterests)],
            TopCategories = [.. state.Categories.Top(TopInterests)],
            Cart = new CartView(cart.IsOpen, cart.Value, cart.Items, cart.UpdatedAt > 0 ? UnixTime.ToDateTimeOffset(cart.UpdatedAt) : null),
            FirstSeen = state.IsEmpty ? default : UnixTime.ToDateTimeOffset(state.FirstSeen),
            LastSeen = state.IsEmpty ? default : UnixTime.ToDateTimeOffset(state.LastSeen),
            NextChange = memberships.NextWakeUp == UnixTime.Never ? null : UnixTime.ToDateTimeOffset(memberships.NextWakeUp),
            Recommendations = [.. state.Recommendations],
            RecommendationReasons = [.. state.RecommendationReasons],
            Experiments = state.Experiments.ToDictionary(p => p.Key, p => p.Value.Arm, StringComparer.Ordinal),
        };
    }

    public static SegmentExplanationView Explanation(CompiledSegment segment, CustomerState state, Memberships memberships, BehaviorModel model, long now)
    {
        var trace = segment.Rule.Explain(state, model, now);
        return new SegmentExplanationView(segment.Id, trace.Result, memberships.Contains(segment.Id), ToView(trace));
    }

    private static RuleTraceView ToView(RuleTrace trace) =>
        new(trace.Condition, trace.Result, trace.Value, trace.NextChange, [.. trace.Children.Select(ToView)]);
}
