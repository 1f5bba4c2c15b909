using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http.Features;

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
        if (http.HttpContext?.Items.ContainsKey(LoggedKey) == true)
        {
            return; // reported already, or on purpose not (shedding under overload is counted, not logged per call)
        }

        LogRefused(method, status, new ShownText(detail));
        MarkReported();
    }

    /// <summary>Marks the current request's refusal as reported elsewhere (or on purpose not, being rate limited).</summary>
    public void MarkReported()
    {
        if (http.HttpContext is { } context)
        {
            context.Items[LoggedKey] = true;
        }
    }

    /// <summary>
    /// After a request, one line for an error answer nothing reported: a gRPC call refused before any handler ran (a
    /// message over the size limit, an unknown method), or an HTTP request JSON transcoding refused while reading it.
    /// </summary>
    public void Answered(HttpContext context)
    {
        if (context.Items.ContainsKey(LoggedKey))
        {
            return;
        }

        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (Trailer(context, "grpc-status") is { } code && code != "0" && int.TryParse(code, CultureInfo.InvariantCulture, out var status))
            {
                var message = Uri.UnescapeDataString(Trailer(context, "grpc-message") ?? string.Empty); // percent-encoded on the wire
                LogRefused(context.Request.Path, (StatusCode)status, new ShownText(message));
            }
        }
        else if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoded)
        {
            LogAnswered(transcoded.MethodDescriptor.Service.FullName, transcoded.MethodDescriptor.Name, context.Response.StatusCode);
        }
    }

    /// <summary>A trailer, or the header of that name in a trailers-only answer (an error before any message).</summary>
    private static string? Trailer(HttpContext context, string name) =>
        context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers && trailers.TryGetValue(name, out var trailer) && trailer.Count > 0
            ? trailer[0]
            : context.Response.Headers.TryGetValue(name, out var header) && header.Count > 0 ? header[0] : null;

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

    private void LogRefused(PathString path, StatusCode status, ShownText detail) => LogRefused(path.Value ?? string.Empty, status, detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "/{Service}/{Method} over HTTP answered {HttpStatus}")]
    private partial void LogAnswered(string service, string method, int httpStatus);
}
