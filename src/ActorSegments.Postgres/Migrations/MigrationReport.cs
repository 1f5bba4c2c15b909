namespace ActorSegments.Postgres.Migrations;

/// <summary>What a migration run found and did.</summary>
/// <param name="Applied">Scripts applied by this run, in order (empty when the schema was current).</param>
/// <param name="SchemaVersion">The database's schema version after the run.</param>
public sealed record MigrationReport(IReadOnlyList<Migration> Applied, int SchemaVersion);
