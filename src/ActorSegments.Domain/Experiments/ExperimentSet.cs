namespace ActorSegments.Domain.Experiments;

/// <summary>The running experiments of a workspace, compiled, as customers look them up.</summary>
public sealed class ExperimentSet
{
    private readonly Dictionary<string, CompiledExperiment> _byId;
    private readonly Dictionary<string, CompiledExperiment[]> _externalByEventType;

    public ExperimentSet(IEnumerable<CompiledExperiment> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        _byId = experiments.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _externalByEventType = _byId.Values
            .Where(e => e.Definition.External is not null)
            .GroupBy(e => e.Definition.External!.EventType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static ExperimentSet Empty { get; } = new([]);

    public int Count => _byId.Count;

    public IEnumerable<CompiledExperiment> All => _byId.Values;

    public CompiledExperiment? Find(string experimentId) => _byId.GetValueOrDefault(experimentId);

    /// <summary>The externally assigned experiments whose assignments arrive as events of <paramref name="eventType"/>.</summary>
    public IReadOnlyList<CompiledExperiment> ExternalFor(string eventType) =>
        _externalByEventType.TryGetValue(eventType, out var found) ? found : [];
}
