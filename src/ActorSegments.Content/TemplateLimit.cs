namespace ActorSegments.Content;

/// <summary>Which bound a render crossed; <see cref="None"/> for any other failure while rendering.</summary>
public enum TemplateLimit
{
    None,
    Steps,
    Recursion,
    Collection,
    Output,
    Time,
}
