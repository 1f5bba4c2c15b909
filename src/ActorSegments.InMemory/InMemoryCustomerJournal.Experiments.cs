using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.InMemory;

/// <summary>
/// Experiment totals in memory: committed deltas added up per workspace, experiment, arm, metric and hour of assignment,
/// read through <see cref="InMemoryExperimentTotals"/>.
/// </summary>
public sealed partial class InMemoryCustomerJournal
{
    private readonly Lock _outcomesLock = new();
    private readonly Dictionary<(string Workspace, string Experiment), Dictionary<(string Arm, string? Metric, long Hour), OutcomeDelta>> _outcomes = [];

    /// <summary>The experiment's totals per arm and metric, added up over the hours of assignment.</summary>
    internal IReadOnlyList<ArmMetricTotals> Totals(string workspaceId, string experimentId)
    {
        lock (_outcomesLock)
        {
            return _outcomes.TryGetValue((workspaceId, experimentId), out var totals) ? ArmMetricTotals.Add(totals.Values) : [];
        }
    }

    private void AddOutcomes(CustomerCommit commit)
    {
        if (commit.OutcomeDeltas.Count == 0)
        {
            return;
        }

        lock (_outcomesLock)
        {
            foreach (var delta in commit.OutcomeDeltas)
            {
                var key = (commit.WorkspaceId, delta.ExperimentId);
                if (!_outcomes.TryGetValue(key, out var totals))
                {
                    _outcomes[key] = totals = [];
                }

                var held = totals.GetValueOrDefault((delta.Arm, delta.Metric, delta.AssignedHour), delta with { Customers = 0, Conversions = 0, Sum = 0, SumOfSquares = 0 });
                totals[(delta.Arm, delta.Metric, delta.AssignedHour)] = held with
                {
                    Customers = held.Customers + delta.Customers,
                    Conversions = held.Conversions + delta.Conversions,
                    Sum = held.Sum + delta.Sum,
                    SumOfSquares = held.SumOfSquares + delta.SumOfSquares,
                };
            }
        }
    }
}
