namespace ActorSegments.Abstractions.Webhooks;

/// <summary>A change to a destination, carried out by its delivery grain (the one writer of its row).</summary>
[GenerateSerializer]
[Alias("actorsegments.webhook-command")]
public sealed record WebhookCommand(
    [property: Id(0)] WebhookCommandKind Kind,
    [property: Id(1)] string? DefinitionJson = null,
    [property: Id(2)] string? Cursor = null,
    [property: Id(3)] int? ExpectedVersion = null);

public enum WebhookCommandKind
{
    /// <summary>Replace the definition (<see cref="WebhookCommand.DefinitionJson"/>), if at <see cref="WebhookCommand.ExpectedVersion"/>.</summary>
    Update = 1,

    /// <summary>Stop delivering; resuming continues from the cursors.</summary>
    Pause = 2,

    /// <summary>Deliver again (after a user's pause or the system's, for failing).</summary>
    Resume = 3,

    /// <summary>Deliver every wanted segment's changes again from <see cref="WebhookCommand.Cursor"/>.</summary>
    Replay = 4,

    /// <summary>Remove the destination and its log.</summary>
    Delete = 5,
}

/// <summary>What a command did: not found, refused with a problem (e.g. a version conflict), or done.</summary>
[GenerateSerializer]
[Alias("actorsegments.webhook-command-result")]
public sealed record WebhookCommandResult(
    [property: Id(0)] bool Found,
    [property: Id(1)] string? Conflict = null);
