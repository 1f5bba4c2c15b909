using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Experiments;

/// <summary>A metric ready to measure: its window relative to the assignment and its event test.</summary>
public sealed class CompiledMetric(ExperimentMetric metric, EventCondition condition)
{
    private const long Day = 86_400;

    public ExperimentMetric Metric { get; } = metric;

    public MetricKind Kind => Metric.Kind;

    /// <summary>Seconds after the assignment where the window opens: 0, or N days for retention day N.</summary>
    public long WindowStart => Kind == MetricKind.Retention ? Metric.Days * Day : 0;

    /// <summary>Seconds after the assignment where the window closes (exclusive).</summary>
    public long WindowEnd => Kind == MetricKind.Retention ? (Metric.Days + 1) * Day : Metric.Days * Day;

    /// <summary>Whether the event is one this metric counts, wherever it falls in time.</summary>
    public bool Counts(CustomerEvent evt, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(model);
        if (Metric.EventType is null)
        {
            return model.EventType(evt.Type).IsActivity; // retention on any activity
        }

        return string.Equals(evt.Type, Metric.EventType, StringComparison.Ordinal) && condition.Matches(evt.Properties);
    }

    /// <summary>The number a revenue metric adds for the event (0 when the property is missing or not a number).</summary>
    public double Amount(CustomerEvent evt) =>
        Metric.Property is { } property && evt.Properties.TryGetValue(property, out var value) && value.Kind == PropertyKind.Number && double.IsFinite(value.Number)
            ? value.Number
            : 0;
}
