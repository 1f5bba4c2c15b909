using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace ActorSegments.Server.Configuration;

/// <summary>
/// Where durable state lives. With no connection string the server runs in dev mode: one local silo, state in
/// memory, nothing durable.
/// </summary>
public sealed class PostgresOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Port=5432;Username=actorsegments;Password=...;Database=actorsegments</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending schema migrations when the server starts (default true); turn off when a separate job migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>A connection string is checked by parsing it, as Npgsql will; none at all is dev mode.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        string? problem = null;
        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(ConnectionString).Host))
            {
                problem = "names no Host";
            }
        }
        catch (ArgumentException ex)
        {
            problem = $"is not a valid PostgreSQL connection string ({ex.Message})";
        }

        if (problem is not null)
        {
            yield return new ValidationResult(
                $"{problem}. Expected e.g. Host=localhost;Port=5432;Username=actorsegments;Password=...;Database=actorsegments, or leave it unset for dev mode.",
                [nameof(ConnectionString)]);
        }
    }
}
