namespace ActorSegments.Domain.Storage;

/// <summary>
/// A feed read was asked to continue after a cursor past every change ever committed. No cursor the feed issued can
/// be there (the head only moves forward), so it was made up, or comes from another database or from an in-memory
/// server since restarted; reading on from it would wait forever for changes that already have smaller cursors.
/// </summary>
public sealed class FeedCursorBeyondHeadException : Exception
{
    public FeedCursorBeyondHeadException()
        : base("The cursor is beyond the head of the feed.")
    {
    }

    public FeedCursorBeyondHeadException(string message)
        : base(message)
    {
    }

    public FeedCursorBeyondHeadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FeedCursorBeyondHeadException(FeedCursor cursor, FeedCursor head)
        : base($"The cursor {cursor.ToToken()} is beyond the head of the feed ({head.ToToken()}).")
    {
        Cursor = cursor;
        Head = head;
    }

    public FeedCursor Cursor { get; }

    public FeedCursor Head { get; }
}
