namespace ActorSegments.Content;

/// <summary>A parsed template that failed while rendering: a limit it crossed, or another error it raised.</summary>
public sealed class TemplateRenderException : Exception
{
    public TemplateRenderException(TemplateLimit limit, string message, Exception? innerException = null)
        : base(message, innerException) => Limit = limit;

    public TemplateRenderException()
        : this(TemplateLimit.None, "the template failed while rendering")
    {
    }

    public TemplateRenderException(string message)
        : this(TemplateLimit.None, message)
    {
    }

    public TemplateRenderException(string message, Exception innerException)
        : this(TemplateLimit.None, message, innerException)
    {
    }

    public TemplateLimit Limit { get; }
}
