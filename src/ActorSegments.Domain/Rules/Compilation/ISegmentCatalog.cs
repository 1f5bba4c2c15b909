namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>The segments a rule may reference with <c>in_segment("id")</c>.</summary>
public interface ISegmentCatalog
{
    IReadOnlyCollection<string> SegmentIds { get; }

    /// <summary>The compiled rule of a segment, once compiled (references resolve when evaluated, not when compiled).</summary>
    CompiledRule? Find(string segmentId);
}
