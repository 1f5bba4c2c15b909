namespace ActorSegments.Cli.Connection;

/// <summary>A command line that parses but cannot be acted on (e.g. neither --rule nor --rule-file); nothing was sent.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
