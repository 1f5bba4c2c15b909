using ActorSegments.Postgres;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Server.Configuration;

namespace ActorSegments.Server.Hosting;

/// <summary>
/// <c>ActorSegments.Server migrate</c>: applies pending schema migrations and exits, without starting a silo. A
/// deployment runs it once (a compose service, a Kubernetes Job or init container) before silos start with
/// <c>ActorSegments:Postgres:MigrateOnStart=false</c>, so the image that serves is the image that migrates.
/// </summary>
public static partial class MigrateOnlyCommand
{
    public const string Verb = "migrate";

    public static bool IsRequested(string[] args) => args.Length > 0 && string.Equals(args[0], Verb, StringComparison.Ordinal);

    /// <summary>0 when the schema is current, 2 when no connection string is configured, 1 when migrating failed.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateOnlyCommand));
        var postgres = builder.Configuration.GetSection(PostgresOptions.SectionName).Get<PostgresOptions>() ?? new PostgresOptions();
        if (!postgres.IsConfigured)
        {
            LogNoConnectionString(logger, SettingNames.Describe(PostgresOptions.SectionName, nameof(PostgresOptions.ConnectionString)));
            return 2;
        }

        await using var dataSource = PostgresDataSource.Create(postgres.ConnectionString, "actorsegments-migrate");
        var migrator = new SchemaMigrator(dataSource, host.Services.GetRequiredService<ILogger<SchemaMigrator>>());
        try
        {
            var report = await migrator.MigrateAsync(cancellationToken);
            LogDone(logger, report.SchemaVersion, report.Applied.Count);
            return 0;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or SchemaMismatchException)
        {
            LogFailed(logger, ex);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot migrate: {Setting} is not set.")]
    private static partial void LogNoConnectionString(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema is at version {Version} ({Applied} migrations applied now).")]
    private static partial void LogDone(ILogger logger, int version, int applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration failed; nothing partial was recorded.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
