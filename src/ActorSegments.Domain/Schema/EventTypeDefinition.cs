namespace ActorSegments.Domain.Schema;

/// <summary>A declared event type and its properties.</summary>
public sealed record EventTypeDefinition(string Name, IReadOnlyList<PropertyDefinition> Properties)
{
    public PropertyDefinition? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);
}
