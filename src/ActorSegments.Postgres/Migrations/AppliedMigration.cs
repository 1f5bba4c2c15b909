namespace ActorSegments.Postgres.Migrations;

/// <summary>A row of the schema-version table: a script that was applied to this database, and when.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);
