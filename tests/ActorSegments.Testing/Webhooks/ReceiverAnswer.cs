namespace ActorSegments.Testing.Webhooks;

/// <summary>How a <see cref="WebhookReceiver"/> answers a request whose signature is valid.</summary>
public enum ReceiverAnswer
{
    /// <summary>204: stored.</summary>
    Accept,

    /// <summary>500 with a body, as a receiver in trouble.</summary>
    Fail,

    /// <summary>429 asking to retry after a second.</summary>
    TooMany,

    /// <summary>Stored, but answered only after <see cref="WebhookReceiver.SlowBy"/>, later than the sender waits.</summary>
    Slow,

    /// <summary>503 without a body, as a receiver that is down behind its load balancer.</summary>
    Unavailable,

    /// <summary>422 naming the message's customer ids in the body, as a receiver that refuses people it does not know.</summary>
    FailNamingCustomers,
}
