namespace ActorSegments.Testing.Webhooks;

/// <summary>One change of a received message: its segment, stable id, feed cursor, customer and direction.</summary>
public sealed record ReceivedChange(string Segment, string Id, string Cursor, string CustomerId, bool Entered);
