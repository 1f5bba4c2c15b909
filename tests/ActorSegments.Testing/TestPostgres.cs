using Npgsql;
using Xunit;

namespace ActorSegments.Testing;

/// <summary>
/// The PostgreSQL server tests run against: <c>scripts/test.sh</c> starts a throwaway one and exports its connection
/// string as <see cref="EnvironmentVariable"/>. Each test (or fixture) takes a fresh database of its own.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "ACTORSEGMENTS_TEST_POSTGRES";

    /// <summary>
    /// The server's connection string. Without one, a test that needs PostgreSQL is skipped on a developer machine
    /// and fails under CI (<c>CI=true</c>), where a missing database is a broken pipeline, not an optional test.
    /// </summary>
    public static string ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            const string hint = $"{EnvironmentVariable} is not set; run the tests through scripts/test.sh, which starts a throwaway PostgreSQL.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true but {hint}");
            }

            Assert.Skip(hint);
            return string.Empty; // not reached: Skip throws
        }
    }

    /// <summary>
    /// Creates an empty database with a unique name; disposing the result drops it. A <paramref name="collation"/>
    /// (a locale) replaces the server's default collation in it.
    /// </summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string purpose, string? collation = null)
    {
        var server = ServerConnectionString;
        var name = $"t_{Sanitize(purpose)}_{Guid.NewGuid():N}"; // at most 55 characters, under the 63 allowed
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            var locale = collation is null ? string.Empty : $" TEMPLATE template0 LC_COLLATE '{collation}' LC_CTYPE '{collation}'";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{locale}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(server, name, connectionString);
    }

    private static string Sanitize(string purpose)
    {
        var cleaned = new string(purpose.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
        return cleaned.Length <= 20 ? cleaned : cleaned[..20];
    }
}
