using System.Text.Json;
using ActorSegments.Domain.Validation;
using ActorSegments.Server.Configuration;
using ActorSegments.Server.Grpc;
using ActorSegments.Server.Observability;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Http;

/// <summary>
/// Screens HTTP/JSON requests to the transcoded API before JSON transcoding reads them, so HTTP gets the limits and
/// answers gRPC gets: a body over <see cref="IngestOptions.MaxMessageBytes"/> is refused with 413 (gRPC:
/// RESOURCE_EXHAUSTED) before it is parsed; a body that is not JSON, holds text that is not valid Unicode, or names a
/// field the request message does not have is refused with 400 naming the field, in one log line
/// (<see cref="ClientErrorLog"/>). Escaped slashes in route values are decoded (<see cref="RouteValueDecoding"/>).
/// </summary>
internal sealed class JsonRequestScreen(RequestDelegate next, IOptions<IngestOptions> options, ClientErrorLog log)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor)));

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } transcoded)
        {
            await next(context);
            return;
        }

        var method = $"/{transcoded.MethodDescriptor.Service.FullName}/{transcoded.MethodDescriptor.Name}"; // as gRPC names it
        RouteValueDecoding.Apply(context);
        if (BodyMessage(transcoded) is { } body && await ScreenAsync(context, body) is { } refusal)
        {
            log.Refused(method, (global::Grpc.Core.StatusCode)refusal.Status.Code, refusal.Status.Message);
            context.Response.StatusCode = refusal.HttpStatus;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(Formatter.Format(refusal.Status), context.RequestAborted);
            return;
        }

        await next(context);
    }

    /// <summary>The message the body is read as (<c>body: "*"</c>: the request; <c>body: "field"</c>: that field's message).</summary>
    private static MessageDescriptor? BodyMessage(GrpcJsonTranscodingMetadata transcoded) => transcoded.HttpRule.Body switch
    {
        "" => null,
        "*" => transcoded.MethodDescriptor.InputType,
        var field => transcoded.MethodDescriptor.InputType.FindFieldByName(field) is { FieldType: FieldType.Message, IsRepeated: false } message ? message.MessageType : null,
    };

    private async Task<Refusal?> ScreenAsync(HttpContext context, MessageDescriptor message)
    {
        var limit = options.Value.MaxMessageBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return TooLarge(request.ContentLength, limit);
        }

        var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        context.Response.RegisterForDispose(buffer);
        try
        {
            // No more than it takes to know the body is too large, whatever size it claims (or does not claim).
            var chunk = new byte[16 * 1024];
            int read;
            while (buffer.Length <= limit && (read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(null, limit);
        }

        if (buffer.Length > limit)
        {
            return TooLarge(null, limit);
        }

        buffer.Position = 0;
        request.Body = buffer;
        if (buffer.Length == 0)
        {
            return null; // no body: transcoding reads the request from the route and query alone
        }

        var violations = new List<FieldViolation>();
        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            JsonBodyCheck.Check(document.RootElement, message, string.Empty, violations);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            violations.Add(new FieldViolation("body", $"is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {reason}"));
        }

        return violations.Count == 0 ? null : new Refusal(StatusCodes.Status400BadRequest, InvalidArgument.Status(violations));
    }

    private static Refusal TooLarge(long? bytes, int limit) => new(StatusCodes.Status413PayloadTooLarge, new Google.Rpc.Status
    {
        Code = (int)Google.Rpc.Code.ResourceExhausted,
        Message = $"The request body is {(bytes is { } known ? $"{known}" : $"more than {limit}")} bytes; at most {limit} bytes are accepted ({SettingNames.Describe(IngestOptions.SectionName, nameof(IngestOptions.MaxMessageBytes))}), as for a gRPC message. Nothing was done: split the request.",
    });

    private sealed record Refusal(int HttpStatus, Google.Rpc.Status Status);
}
