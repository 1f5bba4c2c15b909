namespace ActorSegments.Postgres.Migrations;

/// <summary>The database was migrated by a different build than this one in a way this build cannot accept.</summary>
public sealed class SchemaMismatchException : Exception
{
    public SchemaMismatchException()
    {
    }

    public SchemaMismatchException(string message)
        : base(message)
    {
    }

    public SchemaMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
