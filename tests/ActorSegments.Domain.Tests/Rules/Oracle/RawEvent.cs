namespace ActorSegments.Domain.Tests.Rules.Oracle;

/// <summary>One event as the oracle sees it: the raw facts, nothing aggregated.</summary>
internal sealed record RawEvent(string Type, long Time, string? Category, double? Revenue);
