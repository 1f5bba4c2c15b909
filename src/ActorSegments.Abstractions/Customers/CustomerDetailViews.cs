using ActorSegments.Domain.Schema;

namespace ActorSegments.Abstractions.Customers;

/// <summary>One trait's typed value: text for strings (and timestamps, as RFC 3339), a number, a flag or a list.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.trait")]
public sealed record TraitView(
    [property: Id(0)] string Name,
    [property: Id(1)] DataType Type,
    [property: Id(2)] string? Text,
    [property: Id(3)] double Number,
    [property: Id(4)] string[]? List);

/// <summary>Recency (whole days), frequency, monetary value and their 1-5 scores.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.rfm")]
public sealed record RfmView(
    [property: Id(0)] long RecencyDays,
    [property: Id(1)] long Frequency,
    [property: Id(2)] double Monetary,
    [property: Id(3)] int RecencyScore,
    [property: Id(4)] int FrequencyScore,
    [property: Id(5)] int MonetaryScore);

/// <summary>A change of lifecycle stage (snake_case stage names, as in rules).</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.lifecycle-change")]
public sealed record LifecycleChangeView([property: Id(0)] string Stage, [property: Id(1)] string From, [property: Id(2)] DateTimeOffset At);

/// <summary>The cart: whether it holds anything, its value and items, and its last change (null when never used).</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.cart")]
public sealed record CartView([property: Id(0)] bool Open, [property: Id(1)] double Value, [property: Id(2)] double Items, [property: Id(3)] DateTimeOffset? UpdatedAt);

/// <summary>Why a segment holds or not for a customer now.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.segment-explanation")]
public sealed record SegmentExplanationView(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] bool Matches,
    [property: Id(2)] bool Member,
    [property: Id(3)] RuleTraceView Trace);

/// <summary>One condition of a rule with its result, the value it looked at and its next change (null: never).</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.rule-trace")]
public sealed record RuleTraceView(
    [property: Id(0)] string Condition,
    [property: Id(1)] bool Result,
    [property: Id(2)] string? Value,
    [property: Id(3)] DateTimeOffset? NextChange,
    [property: Id(4)] RuleTraceView[] Children);
