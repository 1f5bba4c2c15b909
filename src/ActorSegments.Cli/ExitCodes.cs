namespace ActorSegments.Cli;

/// <summary>Process exit codes, so scripts (CI, init containers) can tell a usage mistake from a failed operation.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The operation ran and failed (database unreachable, schema mismatch, ...).</summary>
    public const int Failed = 1;

    /// <summary>The command line or environment is incomplete or wrong; nothing was attempted.</summary>
    public const int Usage = 2;

    /// <summary>The server refused the input (a bad rule, id or value; a conflict); nothing was changed.</summary>
    public const int Rejected = 3;

    /// <summary>The customer, segment, key or workspace named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>No key, a wrong or revoked key, or a key without the scope the call needs.</summary>
    public const int Denied = 5;

    /// <summary>The server could not be reached or asked to back off; retrying the same command is safe.</summary>
    public const int Unavailable = 6;
}
