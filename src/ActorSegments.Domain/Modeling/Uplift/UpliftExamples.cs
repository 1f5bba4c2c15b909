using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// An experiment's customers as uplift examples, read from their journals: the assignment record gives the arm and
/// the time; the features are rebuilt as of that time by the propensity point-in-time builder, so nothing the message
/// caused can leak into them (for customers assigned when the experiment started, that is the experiment's start);
/// the outcome is the experiment's primary metric, a conversion within its window after the assignment.
/// </summary>
/// <param name="Examples">The usable customers, in input order.</param>
/// <param name="Assigned">Every customer assigned to the experiment.</param>
/// <param name="WindowOpen">Assigned customers left out because their window had not closed when the data ends.</param>
/// <param name="NoHistory">Assigned customers left out because nothing of theirs happened before their assignment.</param>
public sealed record UpliftExamples(IReadOnlyList<UpliftExample> Examples, int Assigned, int WindowOpen, int NoHistory)
{
    /// <summary>
    /// The examples of <paramref name="experiment"/>. Every arm but the control counts as messaged (intent to treat:
    /// a strategy arm's untargeted customers count as its arm does in the results).
    /// </summary>
    /// <param name="histories">Every customer's journal.</param>
    /// <param name="experiment">The experiment, compiled against the workspace schema.</param>
    /// <param name="model">The workspace's behavior model.</param>
    /// <param name="dataEnd">When the data ends (Unix seconds): a customer whose window ends later is left out.</param>
    /// <exception cref="ArgumentException">The primary metric is not a conversion.</exception>
    public static UpliftExamples Build(IEnumerable<CustomerHistory> histories, CompiledExperiment experiment, BehaviorModel model, long dataEnd)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(model);
        var goal = experiment.Metrics[0];
        if (goal.Kind != MetricKind.Conversion)
        {
            throw new ArgumentException($"An uplift model predicts a conversion; the primary metric of '{experiment.Id}', '{goal.Metric.Name}', is a {goal.Kind.ToString().ToLowerInvariant()} metric.", nameof(experiment));
        }

        var control = experiment.Definition.ControlArm.Name;
        var found = histories
            .AsParallel()
            .AsOrdered()
            .Select(history => Example(new PointInTimeHistory(history), experiment.Id, control, goal, model, dataEnd))
            .Where(e => e.Assigned)
            .ToList();
        return new UpliftExamples(
            [.. found.Where(e => e.Example is not null).Select(e => e.Example!)],
            found.Count,
            found.Count(e => e.WindowOpen),
            found.Count(e => e.NoHistory));
    }

    /// <summary>The examples as a dataset, in the same order.</summary>
    public UpliftDataset ToDataset() => ToDataset(Examples);

    public static UpliftDataset ToDataset(IReadOnlyList<UpliftExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return new([.. examples.Select(e => e.Features)], [.. examples.Select(e => e.Treated)], [.. examples.Select(e => e.Converted)]);
    }

    private static Found Example(PointInTimeHistory history, string experimentId, string control, CompiledMetric goal, BehaviorModel model, long dataEnd)
    {
        ExperimentAssignment? assignment = null;
        for (var i = 0; i < history.Count && assignment is null; i++)
        {
            assignment = history[i].Record as ExperimentAssignment is { } a && string.Equals(a.ExperimentId, experimentId, StringComparison.Ordinal) ? a : null;
        }

        if (assignment is null)
        {
            return new Found(false, null, false, false);
        }

        var at = UnixTime.Seconds(assignment.OccurredAt);
        var (from, to) = (at + goal.WindowStart, at + goal.WindowEnd);
        if (to > dataEnd)
        {
            return new Found(true, null, true, false);
        }

        if (PointInTimeFeatures.Extract(history, at, model) is not { } features)
        {
            return new Found(true, null, false, true);
        }

        var converted = false;
        for (var i = history.CountBefore(from); i < history.Count && history.OccurredAt(i) < to && !converted; i++)
        {
            converted = history[i].Record is CustomerEvent evt && goal.Counts(evt, model);
        }

        var treated = !string.Equals(assignment.Arm, control, StringComparison.Ordinal);
        return new Found(true, new UpliftExample(history.CustomerId, at, features, treated, converted), false, false);
    }

    private sealed record Found(bool Assigned, UpliftExample? Example, bool WindowOpen, bool NoHistory);
}
