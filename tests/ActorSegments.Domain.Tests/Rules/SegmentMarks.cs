using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Segments;

namespace ActorSegments.Domain.Tests.Rules;

/// <summary>The ids of the segments a change marks for re-evaluation, in order.</summary>
internal static class SegmentMarks
{
    public static string[] Marked(SegmentSet set, ChangeSet change)
    {
        var affected = new bool[set.Segments.Count];
        set.Index.Mark(change, affected);
        return [.. set.Segments.Where(s => affected[s.Index]).Select(s => s.Id).Order(StringComparer.Ordinal)];
    }
}
