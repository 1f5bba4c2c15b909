namespace ActorSegments.Domain.Storage;

/// <summary>The journal already holds as much uncommitted work as it accepts; retry later.</summary>
public sealed class JournalOverloadedException : Exception
{
    public JournalOverloadedException()
        : base("Too many commits are waiting for the journal; retry later.")
    {
    }

    public JournalOverloadedException(string message)
        : base(message)
    {
    }

    public JournalOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
