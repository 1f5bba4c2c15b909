using Npgsql;

namespace ActorSegments.Cli;

/// <summary>Where the CLI finds the database: the --connection-string option, else the server's own variable.</summary>
internal static class PostgresSettings
{
    /// <summary>The same variable the server reads, so one setting serves both.</summary>
    public const string EnvironmentVariable = "ActorSegments__Postgres__ConnectionString";

    public static string? Resolve(string? option, out string? problem)
    {
        var value = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : option;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"No PostgreSQL connection string: pass --connection-string or set {EnvironmentVariable}.";
            return null;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            problem = $"The PostgreSQL connection string is not valid: {ex.Message}";
            return null;
        }

        problem = null;
        return value;
    }
}
