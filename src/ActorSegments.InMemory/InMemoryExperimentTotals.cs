using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>Experiment totals over the in-memory journal, which adds up each commit's outcome deltas.</summary>
public sealed class InMemoryExperimentTotals(InMemoryCustomerJournal journal) : IExperimentTotals
{
    public Task<IReadOnlyList<ArmMetricTotals>> TotalsAsync(string workspaceId, string experimentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(journal.Totals(workspaceId, experimentId));
}
