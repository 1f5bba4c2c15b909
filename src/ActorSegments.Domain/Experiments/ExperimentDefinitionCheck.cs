using System.Globalization;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Experiments;

/// <summary>
/// Checks an experiment definition against the workspace schema, as a rule is checked: every problem, each at its
/// field path (<c>arms[1].weight</c>, <c>metrics[0].where</c>) with what was expected. Rules (audience, targeting) are
/// checked by the caller's rule compiler, which knows the workspace's segments.
/// </summary>
public static class ExperimentDefinitionCheck
{
    public const int MaxArms = 20;
    public const int MaxMetrics = 20;
    public const int MaxDays = 365;
    public const int MaxNameLength = 200;
    public const int MaxSaltLength = 128;

    public static IReadOnlyList<FieldViolation> Check(
        ExperimentDefinition definition,
        WorkspaceSchema schema,
        Func<string, IReadOnlyList<RuleDiagnostic>> checkRule)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(checkRule);
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("experiment_id", ExperimentNames.CheckName(definition.Id, ExperimentNames.MaxExperimentIdLength));
        violations.AddIfProblem("name", Text(definition.Name, MaxNameLength));
        violations.AddIfProblem("channel", ExperimentNames.CheckName(definition.Channel, ExperimentNames.MaxMetricNameLength));
        violations.AddIfProblem("salt", Text(definition.Salt, MaxSaltLength));
        CheckAssignment(definition, schema, checkRule, violations);
        CheckArms(definition, checkRule, violations);
        CheckMetrics(definition.Metrics, schema, violations);
        return violations;
    }

    private static void CheckAssignment(ExperimentDefinition definition, WorkspaceSchema schema, Func<string, IReadOnlyList<RuleDiagnostic>> checkRule, List<FieldViolation> violations)
    {
        switch (definition.Mode)
        {
            case AssignmentMode.Randomized:
                if (string.IsNullOrWhiteSpace(definition.Audience))
                {
                    violations.Add(new("audience", "is required: the rule a customer must match to be assigned (e.g. `customer.events >= 1` for everyone seen)"));
                }
                else
                {
                    AddRuleProblems("audience", checkRule(definition.Audience), violations);
                }

                if (definition.External is not null)
                {
                    violations.Add(new("external", "applies only to externally assigned experiments"));
                }

                break;
            case AssignmentMode.External:
                if (definition.External is not { } external)
                {
                    violations.Add(new("external", "is required for an externally assigned experiment: the event type that carries the assignment"));
                }
                else
                {
                    CheckExternal(external, schema, violations);
                }

                break;
            default:
                violations.Add(new("assignment", "expected RANDOMIZED or EXTERNAL"));
                break;
        }
    }

    private static void CheckExternal(ExternalAssignment external, WorkspaceSchema schema, List<FieldViolation> violations)
    {
        if (schema.EventType(external.EventType) is not { } type)
        {
            violations.Add(new("external.event_type", $"'{external.EventType}' is not a declared event type"));
            return;
        }

        foreach (var (field, property) in new[] { ("external.experiment_property", external.ExperimentProperty), ("external.arm_property", external.ArmProperty) })
        {
            if (type.Property(property) is not { Type: DataType.String })
            {
                violations.Add(new(field, $"'{external.EventType}' must declare '{property}' as a string property"));
            }
        }
    }

    private static void CheckArms(ExperimentDefinition definition, Func<string, IReadOnlyList<RuleDiagnostic>> checkRule, List<FieldViolation> violations)
    {
        var arms = definition.Arms;
        if (arms.Count is < 2 or > MaxArms)
        {
            violations.Add(new("arms", $"expected 2 to {MaxArms} arms, one of them the control (got {arms.Count})"));
        }

        var controls = arms.Count(a => a.Control);
        if (arms.Count > 0 && controls != 1)
        {
            violations.Add(new("arms", $"expected exactly one control arm, the holdout never messaged (got {controls})"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < arms.Count; i++)
        {
            var arm = arms[i];
            var at = $"arms[{i}]";
            violations.AddIfProblem($"{at}.name", ExperimentNames.CheckName(arm.Name, ExperimentNames.MaxArmNameLength));
            if (arm.Name is not null && !seen.Add(arm.Name))
            {
                violations.Add(new($"{at}.name", $"'{arm.Name}' names two arms"));
            }

            if (!double.IsFinite(arm.Weight) || arm.Weight <= 0)
            {
                violations.Add(new($"{at}.weight", $"expected a positive number (got {arm.Weight.ToString(CultureInfo.InvariantCulture)})"));
            }

            if (arm.Targeting is not null && definition.Mode == AssignmentMode.Randomized && arm.Control)
            {
                violations.Add(new($"{at}.targeting", "the control arm is never messaged, so it has no targeting"));
            }
            else if (!string.IsNullOrWhiteSpace(arm.Targeting))
            {
                AddRuleProblems($"{at}.targeting", checkRule(arm.Targeting), violations);
            }
        }
    }

    private static void CheckMetrics(IReadOnlyList<ExperimentMetric> metrics, WorkspaceSchema schema, List<FieldViolation> violations)
    {
        if (metrics.Count is < 1 or > MaxMetrics)
        {
            violations.Add(new("metrics", $"expected 1 to {MaxMetrics} metrics, the first the primary goal (got {metrics.Count})"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i];
            var at = $"metrics[{i}]";
            violations.AddIfProblem($"{at}.name", ExperimentNames.CheckName(metric.Name, ExperimentNames.MaxMetricNameLength));
            if (metric.Name is not null && !seen.Add(metric.Name))
            {
                violations.Add(new($"{at}.name", $"'{metric.Name}' names two metrics"));
            }

            if (metric.Days is < 1 or > MaxDays)
            {
                var what = metric.Kind == MetricKind.Retention ? "the day N after assignment" : "the window in days after assignment";
                violations.Add(new($"{at}.days", $"expected {what}, 1 to {MaxDays} (got {metric.Days})"));
            }

            CheckMetricEvent(metric, schema, at, violations);
        }
    }

    private static void CheckMetricEvent(ExperimentMetric metric, WorkspaceSchema schema, string at, List<FieldViolation> violations)
    {
        if (metric.Kind is not (MetricKind.Conversion or MetricKind.Revenue or MetricKind.Retention))
        {
            violations.Add(new($"{at}.kind", "expected CONVERSION, REVENUE or RETENTION"));
            return;
        }

        if (metric.EventType is null)
        {
            if (metric.Kind != MetricKind.Retention)
            {
                violations.Add(new($"{at}.event_type", "is required: the event that counts"));
            }
            else if (!string.IsNullOrWhiteSpace(metric.Where))
            {
                violations.Add(new($"{at}.where", "a filter needs an event type; without one, retention counts any activity"));
            }

            return;
        }

        if (schema.EventType(metric.EventType) is not { } type)
        {
            violations.Add(new($"{at}.event_type", $"'{metric.EventType}' is not a declared event type"));
            return;
        }

        if (metric.Kind == MetricKind.Revenue && type.Property(metric.Property ?? string.Empty) is not { Type: DataType.Number })
        {
            violations.Add(new($"{at}.property", $"expected a number property of '{metric.EventType}' to sum (got '{metric.Property}')"));
        }
        else if (metric.Kind != MetricKind.Revenue && metric.Property is not null)
        {
            violations.Add(new($"{at}.property", "only revenue metrics sum a property"));
        }

        var (_, problems) = EventCondition.Compile(metric.Where, type);
        AddRuleProblems($"{at}.where", problems, violations);
    }

    private static void AddRuleProblems(string field, IReadOnlyList<RuleDiagnostic> problems, List<FieldViolation> violations) =>
        violations.AddRange(problems.Select(p => new FieldViolation(field, p.ToString())));

    private static string? Text(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? "is required"
        : value.Length > maxLength ? $"must be at most {maxLength} characters (got {value.Length})"
        : null;
}
