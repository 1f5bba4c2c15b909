using Microsoft.Extensions.Options;
using Npgsql;

namespace ActorSegments.Server.Configuration;

internal sealed class PostgresOptionsValidator : IValidateOptions<PostgresOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                return Fail("names no Host");
            }
        }
        catch (ArgumentException ex)
        {
            return Fail($"is not a valid PostgreSQL connection string ({ex.Message})");
        }

        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult Fail(string problem) => ValidateOptionsResult.Fail(
        $"{SettingNames.Describe(PostgresOptions.SectionName, nameof(PostgresOptions.ConnectionString))} {problem}. " +
        "Expected e.g. Host=localhost;Port=5432;Username=actorsegments;Password=...;Database=actorsegments, or leave it unset for dev mode.");
}
