namespace ActorSegments.Content.Model;

/// <summary><c>cohort.*</c>: the AI cohort's id and its current name.</summary>
internal sealed record TemplateCohort(string Id, string Name);
