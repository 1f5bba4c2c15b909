namespace ActorSegments.Cli;

/// <summary>Process exit codes, so scripts (CI, init containers) can tell a usage mistake from a failed operation.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The operation ran and failed (database unreachable, schema mismatch, ...).</summary>
    public const int Failed = 1;

    /// <summary>The command line or environment is incomplete or wrong; nothing was attempted.</summary>
    public const int Usage = 2;
}
