namespace ActorSegments.Cli;

/// <summary>
/// The process exit codes, the one place they are defined, so scripts (CI, init containers) can tell a usage mistake
/// from a refused input from a failed or unreachable operation. README.md ("Exit codes") lists the same table; a test
/// holds the two together.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The operation ran and failed (a model training or cohort run failed, a data file is malformed, a schema mismatch, ...).</summary>
    public const int Failed = 1;

    /// <summary>The command line or environment is incomplete or wrong (unknown command or option, missing argument, bad value, no such file); nothing was attempted.</summary>
    public const int Usage = 2;

    /// <summary>The server refused the input (a bad rule, id or value; a conflict); nothing was changed.</summary>
    public const int Rejected = 3;

    /// <summary>The customer, segment, key or workspace named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>No key, a wrong or revoked key, or a key without the scope the call needs.</summary>
    public const int Denied = 5;

    /// <summary>The server (or, for <c>migrate</c>, PostgreSQL) could not be reached or asked to back off; retrying the same command is safe.</summary>
    public const int Unavailable = 6;
}
