using Grpc.Core;

namespace ActorSegments.Server.Observability;

/// <summary>
/// One information line per call refused for what the client sent or may do (invalid argument, not found, no key,
/// ...), over gRPC and HTTP alike, without a stack trace: the refusal is the client's to fix, and the line lets an
/// operator see it happen. grpc-dotnet's and JSON transcoding's own lines for these (each with a stack trace) are
/// turned off in the logging defaults. Text the client sent is echoed with control characters replaced, so a value
/// cannot forge log lines.
/// </summary>
internal sealed partial class ClientErrorLog(ILogger<ClientErrorLog> logger, IHttpContextAccessor http)
{
    private const int MaxDetail = 300;
    private static readonly object LoggedKey = new();

    /// <summary>A refusal of <paramref name="method"/> with a status and what the client was told.</summary>
    public void Refused(string method, StatusCode status, string detail)
    {
        LogRefused(method, status, new ShownText(detail));
        if (http.HttpContext is { } context)
        {
            context.Items[LoggedKey] = true;
        }
    }

    /// <summary>An HTTP request answered with an error before or outside any gRPC handler, unless already logged.</summary>
    public void Answered(HttpContext context, string method)
    {
        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && !context.Items.ContainsKey(LoggedKey))
        {
            LogAnswered(method, context.Response.StatusCode);
        }
    }

    /// <summary>Client text as logged: at most <see cref="MaxDetail"/> characters, control characters as '?'; built only if logged.</summary>
    private readonly struct ShownText(string text)
    {
        public override string ToString()
        {
            var shown = text.Length <= MaxDetail ? text : string.Concat(text.AsSpan(0, MaxDetail), "…");
            return string.Create(shown.Length, shown, static (span, value) =>
            {
                for (var i = 0; i < value.Length; i++)
                {
                    span[i] = char.IsControl(value[i]) ? '?' : value[i];
                }
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: {Status}: {Detail}")]
    private partial void LogRefused(string method, StatusCode status, ShownText detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} over HTTP answered {HttpStatus}")]
    private partial void LogAnswered(string method, int httpStatus);
}
