using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Segments;

/// <summary>
/// Answers "which segments can this change affect": by event type, trait, score, cohort, experiment and lifecycle
/// stage, from what each compiled rule reads (including, transitively, the segments it references).
/// </summary>
public sealed class DependencyIndex
{
    private readonly Dictionary<string, int[]> _byEventType;
    private readonly Dictionary<string, int[]> _byTrait;
    private readonly Dictionary<string, int[]> _byScore;
    private readonly Dictionary<string, int[]> _byExperiment;
    private readonly int[] _allEvents;
    private readonly int[] _cohort;
    private readonly int[] _lifecycle;

    internal DependencyIndex(IReadOnlyList<CompiledSegment> segments)
    {
        _byEventType = Group(segments, s => s.Rule.Inputs.EventTypes);
        _byTrait = Group(segments, s => s.Rule.Inputs.Traits);
        _byScore = Group(segments, s => s.Rule.Inputs.Scores);
        _byExperiment = Group(segments, s => s.Rule.Inputs.Experiments);
        _allEvents = segments.Where(s => s.Rule.Inputs.AllEvents).Select(s => s.Index).ToArray();
        _cohort = segments.Where(s => s.Rule.Inputs.Cohort).Select(s => s.Index).ToArray();
        _lifecycle = segments.Where(s => s.Rule.Inputs.Lifecycle).Select(s => s.Index).ToArray();
    }

    /// <summary>Sets <c>affected[i]</c> for every segment the change can affect (never clears).</summary>
    public void Mark(ChangeSet change, Span<bool> affected)
    {
        if (change.EventType is not null)
        {
            Mark(_byEventType.GetValueOrDefault(change.EventType), affected);
            Mark(_allEvents, affected);
        }

        if (change.Trait is not null)
        {
            Mark(_byTrait.GetValueOrDefault(change.Trait), affected);
        }

        if (change.Score is not null)
        {
            Mark(_byScore.GetValueOrDefault(change.Score), affected);
        }

        if (change.Experiment is not null)
        {
            Mark(_byExperiment.GetValueOrDefault(change.Experiment), affected);
        }

        if (change.Cohort)
        {
            Mark(_cohort, affected);
        }

        if (change.Lifecycle)
        {
            Mark(_lifecycle, affected);
        }
    }

    private static void Mark(int[]? indices, Span<bool> affected)
    {
        if (indices is null)
        {
            return;
        }

        foreach (var index in indices)
        {
            affected[index] = true;
        }
    }

    private static Dictionary<string, int[]> Group(IReadOnlyList<CompiledSegment> segments, Func<CompiledSegment, IEnumerable<string>> keys) => segments
        .SelectMany(s => keys(s).Select(k => (Key: k, s.Index)))
        .GroupBy(p => p.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Index).Order().ToArray(), StringComparer.Ordinal);
}
