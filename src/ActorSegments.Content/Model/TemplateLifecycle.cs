namespace ActorSegments.Content.Model;

/// <summary><c>lifecycle.*</c>: the stage now, the one before it and when it changed (nil before any change).</summary>
internal sealed record TemplateLifecycle(string Stage, string? Previous, DateTimeOffset? Since);
