using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// A refusal decided by middleware before the call (the server is stopping, the key is not valid), answered by the gRPC
/// layer (<see cref="ErrorMappingInterceptor"/>) once the request message has been read: so the answer has the form
/// every status of the API has (trailers, or JSON transcoding's error body), and a message that cannot be read is
/// still answered INVALID_ARGUMENT first, as it always was.
/// </summary>
internal sealed class RefusedCall(Status status)
{
    public Status Status { get; } = status;

    /// <summary>Records <paramref name="status"/> for the request, unless an earlier refusal is recorded: the first decides.</summary>
    public static void Record(HttpContext context, Status status)
    {
        if (context.Features.Get<RefusedCall>() is null)
        {
            context.Features.Set(new RefusedCall(status));
        }
    }

    /// <summary>The refusal recorded for a call's request, or null.</summary>
    public static RefusedCall? Of(ServerCallContext context) => context.GetHttpContext().Features.Get<RefusedCall>();
}
