using ActorSegments.Domain.Segments;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// What a rule would do if saved now: how many customers it would match (<see cref="Estimate"/>) and some of them
/// (<see cref="Matches"/>), or (<see cref="Refusal"/>) why it cannot be saved.
/// </summary>
public sealed record SegmentPreview(SegmentSaveResult? Refusal, AudienceEstimate? Estimate, IReadOnlyList<string> Matches, DateTimeOffset EvaluatedAt);
