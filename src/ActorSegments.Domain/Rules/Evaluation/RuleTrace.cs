namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// Why a rule holds or not for a customer: each condition with its result, the value it looked at, and when it next
/// changes with no new event (null when never).
/// </summary>
public sealed record RuleTrace(
    string Condition,
    bool Result,
    string? Value,
    DateTimeOffset? NextChange,
    IReadOnlyList<RuleTrace> Children);
