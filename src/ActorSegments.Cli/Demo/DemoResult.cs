using ActorSegments.Cli.Ingest;
using ActorSegments.Datasets.Retail;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Demo;

/// <summary>What a demo run found, all of it read back from the engine (never recomputed from the input).</summary>
/// <param name="Loaded">How the load went.</param>
/// <param name="Customers">Distinct customers sent.</param>
/// <param name="Segments">Each demo segment with its live member count once live, in definition order.</param>
/// <param name="Rfm">Recency, frequency and monetary over the customers' profiles; null when profiles carry no RFM.</param>
/// <param name="Lifecycle">Customers per lifecycle stage, by stage name.</param>
/// <param name="Explained">One customer's profile and the explanation of their first segment.</param>
internal sealed record DemoResult(
    IngestSummary Loaded,
    int Customers,
    IReadOnlyList<SegmentCount> Segments,
    RfmFigures? Rfm,
    IReadOnlyList<StageCount> Lifecycle,
    ExplainedCustomer? Explained)
{
    /// <summary>The AI cohort refresh run after the segments were live; null when the server has no cohorts.</summary>
    public CohortRun? Cohorts { get; init; }

    /// <summary>The strategy experiment (synthetic shop only); null when not run.</summary>
    public StrategyOutcome? Strategy { get; init; }
}

internal sealed record SegmentCount(string SegmentId, string Rule, long Members);

internal sealed record StageCount(string Stage, int Customers);

/// <summary>Five-number summaries of the buyers' RFM values, and how many buyers they cover.</summary>
internal sealed record RfmFigures(int Buyers, Distribution Recency, Distribution Frequency, Distribution Monetary);

/// <summary>A profile and, when the server explains segments, why the customer is in <see cref="SegmentId"/>.</summary>
internal sealed record ExplainedCustomer(CustomerProfile Profile, string SegmentId, SegmentExplanation? Explanation, string? ExplainProblem);
