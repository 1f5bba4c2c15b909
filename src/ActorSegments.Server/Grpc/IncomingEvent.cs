using ActorSegments.Domain.Events;

namespace ActorSegments.Server.Grpc;

/// <summary>An event that passed validation, with the customer it belongs to.</summary>
internal sealed record IncomingEvent(string WorkspaceId, string CustomerId, CustomerEvent Event);
