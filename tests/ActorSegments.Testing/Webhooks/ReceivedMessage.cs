namespace ActorSegments.Testing.Webhooks;

/// <summary>A message a <see cref="WebhookReceiver"/> accepted: its headers, body, when it arrived and from which port of the sender.</summary>
public sealed record ReceivedMessage(string Id, string Body, string Timestamp, string Signature, DateTimeOffset ReceivedAt, int SenderPort);
