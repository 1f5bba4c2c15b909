namespace ActorSegments.Server.Configuration;

/// <summary>
/// Where durable state lives. With no connection string the server runs in dev mode: one local silo, state in
/// memory, nothing durable.
/// </summary>
public sealed class PostgresOptions
{
    public const string SectionName = "ActorSegments:Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Port=5432;Username=actorsegments;Password=...;Database=actorsegments</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending schema migrations when the server starts (default true); turn off when a separate job migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
