namespace ActorSegments.Domain.Schema;

/// <summary>A declared customer trait (demographic or custom attribute).</summary>
public sealed record TraitDefinition(string Name, DataType Type);
