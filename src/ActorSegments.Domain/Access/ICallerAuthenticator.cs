namespace ActorSegments.Domain.Access;

/// <summary>
/// Turns a presented API key into the <see cref="Caller"/> it stands for. One implementation serves every way in (gRPC,
/// HTTP/JSON, the console's sign-in), so a key means the same thing everywhere and a revocation reaches all of them.
/// </summary>
public interface ICallerAuthenticator
{
    /// <summary>False in an open dev server: every caller acts with every scope on every workspace.</summary>
    bool Required { get; }

    /// <summary>The caller a key stands for, or null when the key is unknown, revoked or wrong.</summary>
    ValueTask<Caller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken);
}
