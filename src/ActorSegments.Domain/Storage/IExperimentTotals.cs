using ActorSegments.Domain.Experiments;

namespace ActorSegments.Domain.Storage;

/// <summary>
/// The arms' running totals of experiments, kept by the journal in the same commits as the customer records that
/// caused them (<see cref="CustomerCommit.Outcomes"/>), so they are exact at every commit.
/// </summary>
public interface IExperimentTotals
{
    /// <summary>Every (arm, metric, hour of assignment) total of the experiment, ordered so; empty before any assignment.</summary>
    Task<IReadOnlyList<ArmMetricTotals>> TotalsAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default);
}
