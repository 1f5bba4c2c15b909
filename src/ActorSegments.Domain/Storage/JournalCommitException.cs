namespace ActorSegments.Domain.Storage;

/// <summary>A journal commit failed or its outcome is unknown: nothing of it may be acknowledged.</summary>
public sealed class JournalCommitException : Exception
{
    public JournalCommitException()
        : base("The journal commit failed.")
    {
    }

    public JournalCommitException(string message)
        : base(message)
    {
    }

    public JournalCommitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
