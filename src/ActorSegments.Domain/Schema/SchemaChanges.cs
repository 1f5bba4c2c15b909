using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Schema;

/// <summary>
/// Which schema changes existing customer state can follow. Customers keep what they recorded under the schema of the
/// time, so a new schema may add (event types, traits, scores, properties, tracked string properties, whose per-value
/// series start empty) but not take away or reinterpret: no removals, no type or tracking changes, and each event
/// type's numeric properties must keep their places (new ones only after the existing ones), since stored aggregates
/// are kept by place.
/// </summary>
public static class SchemaChanges
{
    public static IReadOnlyList<string> Problems(WorkspaceSchema current, WorkspaceSchema proposed, BehaviorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        foreach (var type in current.EventTypes)
        {
            if (proposed.EventType(type.Name) is not { } next)
            {
                problems.Add($"event type '{type.Name}' cannot be removed");
                continue;
            }

            foreach (var property in type.Properties)
            {
                if (next.Property(property.Name) is not { } changed)
                {
                    problems.Add($"property '{type.Name}.{property.Name}' cannot be removed");
                }
                else if (changed.Type != property.Type || changed.Tracked != property.Tracked)
                {
                    problems.Add($"property '{type.Name}.{property.Name}' cannot change its type or whether it is tracked");
                }
            }

            var before = new EventTypeModel(type.Name, type, settings);
            var after = new EventTypeModel(type.Name, next, settings);
            if (after.BucketSlotCount != before.BucketSlotCount || !after.NumericSlots.Take(before.NumericSlots.Count).SequenceEqual(before.NumericSlots))
            {
                problems.Add($"event type '{type.Name}': new number properties must be untracked and declared after the existing ones ({string.Join(", ", before.NumericSlots)})");
            }
        }

        foreach (var trait in current.Traits)
        {
            if (proposed.Trait(trait.Name) is not { } next)
            {
                problems.Add($"trait '{trait.Name}' cannot be removed");
            }
            else if (next.Type != trait.Type)
            {
                problems.Add($"trait '{trait.Name}' cannot change its type");
            }
        }

        problems.AddRange(current.Scores.Where(s => !proposed.Scores.Contains(s)).Select(s => $"score '{s}' cannot be removed"));
        return problems;
    }
}
