using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Experiments;

/// <summary>An experiment ready for customers to measure: its metrics compiled against the workspace schema.</summary>
public sealed class CompiledExperiment
{
    private CompiledExperiment(ExperimentDefinition definition, CompiledMetric[] metrics)
    {
        Definition = definition;
        Metrics = metrics;
        Horizon = metrics.Max(m => m.WindowEnd);
    }

    public ExperimentDefinition Definition { get; }

    public string Id => Definition.Id;

    public IReadOnlyList<CompiledMetric> Metrics { get; }

    /// <summary>Seconds after a customer's assignment after which no event changes its outcomes.</summary>
    public long Horizon { get; }

    /// <summary>
    /// Compiles a definition that <see cref="ExperimentDefinitionCheck"/> accepted; a definition it would refuse throws
    /// <see cref="ArgumentException"/> with its first problem.
    /// </summary>
    public static CompiledExperiment Compile(ExperimentDefinition definition, WorkspaceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        var metrics = new CompiledMetric[definition.Metrics.Count];
        for (var i = 0; i < metrics.Length; i++)
        {
            var metric = definition.Metrics[i];
            var condition = EventCondition.Always;
            if (metric.EventType is not null)
            {
                var type = schema.EventType(metric.EventType) ?? throw new ArgumentException($"metrics[{i}].event_type: '{metric.EventType}' is not a declared event type", nameof(definition));
                var (compiled, problems) = EventCondition.Compile(metric.Where, type);
                condition = compiled ?? throw new ArgumentException($"metrics[{i}].where: {problems[0]}", nameof(definition));
            }

            metrics[i] = new CompiledMetric(metric, condition);
        }

        if (metrics.Length == 0)
        {
            throw new ArgumentException("an experiment needs at least one metric", nameof(definition));
        }

        return new CompiledExperiment(definition, metrics);
    }
}
