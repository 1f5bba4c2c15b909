using System.CommandLine;
using ActorSegments.Postgres.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>migrate</c>: brings a database to this build's schema, or with <c>--status</c> shows where it stands.</summary>
internal static class MigrateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var connectionString = new Option<string?>("--connection-string", "-c")
        {
            Description = $"Npgsql connection string (default: ${PostgresSettings.EnvironmentVariable})",
        };
        var status = new Option<bool>("--status") { Description = "Show applied and pending migrations without changing anything" };
        var command = new Command("migrate", "Apply pending PostgreSQL schema migrations (idempotent; safe to run while silos start)")
        {
            connectionString,
            status,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(console, parse.GetValue(connectionString), parse.GetValue(status), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string? option, bool statusOnly, CancellationToken cancellationToken)
    {
        var connectionString = PostgresSettings.Resolve(option, out var problem);
        if (connectionString is null)
        {
            console.MarkupLineInterpolated($"[red]{problem}[/]");
            return ExitCodes.Usage;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);
        try
        {
            if (statusOnly)
            {
                WriteStatus(console, await migrator.GetAppliedAsync(cancellationToken));
                return ExitCodes.Success;
            }

            var report = await migrator.MigrateAsync(cancellationToken);
            foreach (var migration in report.Applied)
            {
                console.MarkupLineInterpolated($"applied [green]{migration.Version:D4}_{migration.Name}[/]");
            }

            console.MarkupLineInterpolated($"schema is at version [bold]{report.SchemaVersion}[/] ({report.Applied.Count} applied now)");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is NpgsqlException or SchemaMismatchException)
        {
            console.MarkupLineInterpolated($"[red]migration failed:[/] {ex.Message}");

            // Unreachable or restarting: migrating is idempotent, so this is the "retry" outcome, not a failure.
            return ex is NpgsqlException { IsTransient: true } ? ExitCodes.Unavailable : ExitCodes.Failed;
        }
    }

    private static void WriteStatus(IAnsiConsole console, IReadOnlyList<AppliedMigration> applied)
    {
        var table = new Table().AddColumns("version", "name", "applied at");
        foreach (var migration in MigrationCatalog.All)
        {
            var row = applied.FirstOrDefault(a => a.Version == migration.Version);
            table.AddRow(
                migration.Version.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(migration.Name),
                row is null ? "[yellow]pending[/]" : row.AppliedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
