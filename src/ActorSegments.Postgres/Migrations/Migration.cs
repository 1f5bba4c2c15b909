namespace ActorSegments.Postgres.Migrations;

/// <summary>One numbered schema script shipped with this build.</summary>
/// <param name="Version">The number in the file name; scripts apply in ascending order, each exactly once.</param>
/// <param name="Name">The rest of the file name, for people reading the schema-version table.</param>
/// <param name="Sql">The script text.</param>
/// <param name="Checksum">SHA-256 of the script, so an edited script that was already applied is detected.</param>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
