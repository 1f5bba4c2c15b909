using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Segments;
using ActorSegments.Workload;

namespace ActorSegments.Benchmarks;

/// <summary>The workload's fifty segments (<see cref="WorkloadSegments"/>) as engine definitions.</summary>
internal static class SampleSegments
{
    public static readonly SegmentDefinition[] All = [.. WorkloadSegments.All.Select(s => new SegmentDefinition(s.Id, s.Rule))];

    public static SegmentSet Compile(BehaviorModel model)
    {
        var set = SegmentSet.Compile(All, model);
        if (set.Errors.Count > 0 || set.Segments.Count != All.Length)
        {
            throw new InvalidOperationException("Sample segments do not compile: " + string.Join("; ", set.Errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }

        return set;
    }
}
