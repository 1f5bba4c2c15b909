namespace ActorSegments.Domain.Storage;

/// <summary>An experiment was not at the version a change was based on (0: it does not exist).</summary>
public sealed class ExperimentVersionConflictException : Exception
{
    public ExperimentVersionConflictException()
    {
    }

    public ExperimentVersionConflictException(string message)
        : base(message)
    {
    }

    public ExperimentVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExperimentVersionConflictException(string experimentId, int actualVersion)
        : base($"Experiment '{experimentId}' is at version {actualVersion}.")
    {
        ActualVersion = actualVersion;
    }

    public int ActualVersion { get; }
}
