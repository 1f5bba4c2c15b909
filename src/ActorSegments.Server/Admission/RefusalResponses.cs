using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace ActorSegments.Server.Admission;

/// <summary>
/// Answers a refused request before its body is read: over gRPC a trailers-only response (status 8,
/// RESOURCE_EXHAUSTED, with the <c>google.rpc.Status</c> carrying the RetryInfo in <c>grpc-status-details-bin</c>, as
/// the gRPC server itself sends it); over JSON HTTP 429 with <c>Retry-After</c> and the status as the JSON body that
/// transcoded errors have.
/// </summary>
internal static class RefusalResponses
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(RetryInfo.Descriptor)));

    public static Task WriteAsync(HttpContext context, AdmissionRefusal refusal, bool json)
    {
        var response = context.Response;
        var status = refusal.ToStatus();
        if (json)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = refusal.RetryAfterSeconds;
            response.ContentType = "application/json; charset=utf-8";
            return response.WriteAsync(Json.Format(status), context.RequestAborted);
        }

        // Trailers-only: the status travels in the headers and the stream ends with them; the client stops sending.
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return Task.CompletedTask;
    }

    /// <summary>The gRPC wire form of a status message: UTF-8 bytes outside printable ASCII, and '%', as %XX.</summary>
    internal static string PercentEncode(string message)
    {
        var text = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
