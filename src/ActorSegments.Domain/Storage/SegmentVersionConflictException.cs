namespace ActorSegments.Domain.Storage;

/// <summary>A segment was changed by someone else since the version the caller read.</summary>
public sealed class SegmentVersionConflictException : Exception
{
    public SegmentVersionConflictException()
        : base("The segment was changed since the version given.")
    {
    }

    public SegmentVersionConflictException(string message)
        : base(message)
    {
    }

    public SegmentVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? ActualVersion { get; init; }
}
