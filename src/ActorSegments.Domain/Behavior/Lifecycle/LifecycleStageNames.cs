namespace ActorSegments.Domain.Behavior.Lifecycle;

/// <summary>The snake_case names of lifecycle stages used in rules, the API and documentation.</summary>
public static class LifecycleStageNames
{
    private static readonly Dictionary<LifecycleStage, string> _names = new()
    {
        [LifecycleStage.None] = "none",
        [LifecycleStage.NewVisitor] = "new_visitor",
        [LifecycleStage.EngagedProspect] = "engaged_prospect",
        [LifecycleStage.FirstTimeBuyer] = "first_time_buyer",
        [LifecycleStage.RepeatBuyer] = "repeat_buyer",
        [LifecycleStage.AtRisk] = "at_risk",
        [LifecycleStage.Lapsed] = "lapsed",
        [LifecycleStage.ReEngaged] = "re_engaged",
    };

    private static readonly Dictionary<string, LifecycleStage> _stages = _names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => _stages.Keys;

    public static string Name(LifecycleStage stage) => _names[stage];

    public static bool TryParse(string name, out LifecycleStage stage) => _stages.TryGetValue(name, out stage);
}
