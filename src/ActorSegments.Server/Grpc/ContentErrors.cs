using ActorSegments.Content;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>Template problems as statuses: parse errors located as <c>template:LINE:COLUMN</c>, limits as FAILED_PRECONDITION.</summary>
internal static class ContentErrors
{
    /// <summary>INVALID_ARGUMENT on <c>template</c> when the source is empty or too long, before any parsing.</summary>
    public static void CheckLength(TemplateEngine engine, string template)
    {
        if (engine.CheckLength(template) is { } problem)
        {
            throw InvalidArgument.Create("template", problem);
        }
    }

    public static ParsedTemplate Parse(TemplateEngine engine, string template)
    {
        try
        {
            return engine.Parse(template);
        }
        catch (TemplateSyntaxException ex)
        {
            throw InvalidArgument.Create($"template:{ex.Line}:{ex.Column}", ex.Message);
        }
    }

    public static RpcException Failed(TemplateRenderException ex, string customerId) => ex.Limit == TemplateLimit.None
        ? InvalidArgument.Create("template", $"{ex.Message} (rendering for customer '{customerId}')")
        : new RpcException(new Status(StatusCode.FailedPrecondition, $"Rendering for customer '{customerId}' stopped: {ex.Message}. Nothing was changed."));
}
