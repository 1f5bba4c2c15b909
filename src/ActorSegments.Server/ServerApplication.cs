using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.WakeUps;
using ActorSegments.Postgres.Journal;
using ActorSegments.Server.Configuration;
using ActorSegments.Server.Grpc;
using ActorSegments.Server.Grpc.Parsing;
using ActorSegments.Server.Http;
using ActorSegments.Server.Observability;
using ActorSegments.Server.Health;
using ActorSegments.Server.Hosting;
using ActorSegments.Server.Lifecycle;
using ActorSegments.WebConsole;
using ActorSegments.WebConsole.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorSegments.Server;

/// <summary>Builds the server: an Orleans silo and the gRPC gateway in one process.</summary>
public static partial class ServerApplication
{
    /// <summary>
    /// Listening addresses unless configuration says otherwise (standard Kestrel endpoint settings, so
    /// <c>Kestrel__Endpoints__Grpc__Url=http://0.0.0.0:7000</c> moves gRPC). gRPC gets its own HTTP/2-only endpoint
    /// because plaintext HTTP/2 cannot be negotiated on an endpoint that also speaks HTTP/1.1.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> DefaultSettings { get; } = new Dictionary<string, string?>
    {
        ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:5000",
        ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
        ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:5080",
        ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
        // Their information lines repeat, each with a stack trace, what ClientErrorLog says in one line per refused
        // call (and the malformed message screen once a minute); a request that cannot be parsed would log two.
        ["Logging:LogLevel:Grpc.AspNetCore.Server.ServerCallHandler"] = "Warning",
        ["Logging:LogLevel:Grpc.AspNetCore.Grpc.JsonTranscoding.ServerCallHandler"] = "Warning",
        // A call without a valid key would get an "authorization failed" line besides ClientErrorLog's (a console
        // visitor not signed in, one for the redirect to the sign-in page).
        ["Logging:LogLevel:Microsoft.AspNetCore.Authorization.DefaultAuthorizationService"] = "Warning",
        // The key schemes' own lines ("... was challenged" for each dashboard refusal).
        ["Logging:LogLevel:ActorSegments.Server.Access"] = "Warning",
    };

    /// <summary>Replays history as if live: the clock starts at this instant (dev and demos; never in production).</summary>
    public const string ClockStartAtSetting = "ActorSegments:Clock:StartAt";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultSettings });

        var postgres = builder.AddValidatedOptions<PostgresOptions, PostgresOptionsValidator>(PostgresOptions.SectionName);
        var cluster = builder.AddValidatedOptions<ClusterHostingOptions, ClusterHostingOptionsValidator>(ClusterHostingOptions.SectionName);
        var ingest = builder.AddValidatedOptions<IngestOptions, IngestOptionsValidator>(IngestOptions.SectionName);
        var auth = builder.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(AuthOptions.SectionName);
        builder.AddValidatedOptions<CustomerGrainOptions, CustomerGrainOptionsValidator>(CustomerGrainOptions.SectionName);
        builder.AddValidatedOptions<IdentityOptions, IdentityOptionsValidator>(IdentityOptions.SectionName);
        if (!postgres.IsConfigured)
        {
            // In memory, snapshots at shutdown would go to storage grains that are themselves shutting down.
            builder.Services.PostConfigure<CustomerGrainOptions>(o => o.SnapshotOnShutdown = false);
        }
        builder.AddValidatedOptions<WakeUpSweeperOptions, WakeUpSweeperOptionsValidator>(WakeUpSweeperOptions.SectionName);
        builder.AddValidatedOptions<Grains.Privacy.PrivacyOptions, PrivacyOptionsValidator>(Grains.Privacy.PrivacyOptions.SectionName);
        builder.AddValidatedOptions<Grains.Privacy.RetentionOptions, RetentionOptionsValidator>(Grains.Privacy.RetentionOptions.SectionName);
        builder.AddValidatedOptions<FeatureWriterOptions, FeatureWriterOptionsValidator>(FeatureWriterOptions.SectionName);
        builder.AddValidatedOptions<FeatureUpgradeOptions, FeatureUpgradeOptionsValidator>(FeatureUpgradeOptions.SectionName);
        builder.AddValidatedOptions<Grains.Webhooks.WebhookOptions, WebhookOptionsValidator>(Grains.Webhooks.WebhookOptions.SectionName);
        var shutdown = builder.AddValidatedOptions<ShutdownOptions, ShutdownOptionsValidator>(ShutdownOptions.SectionName);
        var admission = builder.AddValidatedOptions<AdmissionOptions, AdmissionOptionsValidator>(AdmissionOptions.SectionName);
        var journal = builder.AddValidatedOptions<JournalOptions, JournalOptionsValidator>(JournalOptions.SectionName);
        var observability = builder.AddBoundOptions<ObservabilityOptions>(ObservabilityOptions.SectionName);

        if (cluster.Kubernetes && !postgres.IsConfigured)
        {
            throw new OptionsValidationException(ClusterHostingOptions.SectionName, typeof(ClusterHostingOptions), [
                $"{SettingNames.Describe(ClusterHostingOptions.SectionName, nameof(ClusterHostingOptions.Kubernetes))} needs PostgreSQL: " +
                $"set {SettingNames.Describe(PostgresOptions.SectionName, nameof(PostgresOptions.ConnectionString))} (a dev-mode silo is a single in-memory process)."]);
        }

        builder.AddActorSegmentsPostgres(postgres, journal);
        builder.AddActorSegmentsSilo(postgres, cluster, observability);
        builder.AddActorSegmentsObservability(observability);
        builder.AddActorSegmentsShutdown(shutdown);
        builder.AddActorSegmentsAdmission(admission, ingest);
        builder.AddActorSegmentsModeling();
        var clockStart = builder.Configuration.GetValue<DateTimeOffset?>(ClockStartAtSetting);
        if (clockStart is { } startAt)
        {
            builder.Services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(startAt));
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CohortNames>();
        builder.Services.AddSingleton(sp => new Content.TemplateEngine(Content.TemplateLimits.Default, sp.GetRequiredService<TimeProvider>()));
        var authRequired = auth.Required ?? (postgres.IsConfigured || auth.BootstrapKey is not null);
        builder.AddActorSegmentsAccess(authRequired);
        builder.AddActorSegmentsConsole(typeof(ServerApplication).Assembly, builder.AddValidatedOptions<ConsoleOptions, ConsoleOptionsValidator>(ConsoleOptions.SectionName));
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorMappingInterceptor>(); // the only one: access and the serving gate are middleware
            o.MaxReceiveMessageSize = ingest.MaxMessageBytes;
        }).AddJsonTranscoding(o =>
            // Error details (google.rpc.BadRequest with the fields at fault, RetryInfo of an overload) are rendered in JSON error bodies too.
            o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor, Google.Rpc.RetryInfo.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ClientErrorLog>();
        var health = builder.Services.AddGrpcHealthChecks(o =>
            {
                o.Services.Clear();
                o.Services.Map(string.Empty, check => check.Tags.Contains(HealthTags.Ready));
                o.Services.Map(HealthTags.LivenessService, check => check.Tags.Contains(HealthTags.Live));
            })
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddCheck<ServingHealthCheck>("serving", tags: [HealthTags.Ready])
            .AddCheck<SiloAliveHealthCheck>("silo-alive", tags: [HealthTags.Live]);
        if (postgres.IsConfigured)
        {
            health.AddCheck<PostgresHealthCheck>("postgres", tags: [HealthTags.Ready]);
        }

        builder.Services.AddScreenedRequestParsing(); // last: every AddGrpc... above registers the default binder again
        var app = builder.Build();
        app.UseActorSegmentsConsoleRouting(); // first: routing, which the middleware below relies on, after the console's path base
        app.UseMiddleware<RefusalLogging>();
        app.UseActorSegmentsAdmission(); // before anything reads a request body or a key: overload is refused unread
        app.UseMiddleware<ServingGateMiddleware>(); // a stopping server refuses before anything else is decided
        app.UseMiddleware<JsonRequestScreen>();
        app.UseAuthentication();
        app.UseAuthorization(); // API refusals are answered as statuses by the gRPC layer (GrpcAuthorizationResultHandler)
        app.UseActorSegmentsConsole();
        // Each service's gRPC methods and their JSON routes are the same endpoints: one policy covers both transports.
        app.MapGrpcService<IngestGrpcService>().RequireCallerKey();
        app.MapGrpcService<ProfileGrpcService>().RequireCallerKey();
        app.MapGrpcService<SegmentGrpcService>().RequireCallerKey();
        app.MapGrpcService<WebhookGrpcService>().RequireCallerKey();
        app.MapGrpcService<AdminGrpcService>().RequireCallerKey();
        app.MapGrpcService<CohortGrpcService>().RequireCallerKey();
        app.MapGrpcService<ModelGrpcService>().RequireCallerKey();
        app.MapGrpcService<ExperimentGrpcService>().RequireCallerKey();
        app.MapGrpcService<ContentGrpcService>().RequireCallerKey();
        app.MapGrpcService<CatalogGrpcService>().RequireCallerKey();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.MapHealthChecks("/livez", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) });
        app.MapActorSegmentsObservability(observability);

        if (!postgres.IsConfigured)
        {
            LogDevMode(app.Logger, PostgresOptions.SectionName);
        }

        if (clockStart is { } shifted)
        {
            LogShiftedClock(app.Logger, shifted, ClockStartAtSetting);
        }

        if (!authRequired)
        {
            LogOpenAccess(app.Logger, AuthOptions.SectionName);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "DEV MODE — NOTHING IS DURABLE: no PostgreSQL connection string is configured ({Section}:ConnectionString), so this is a " +
        "single local silo keeping all customer state in memory; it is lost when the process stops. " +
        "Set ActorSegments__Postgres__ConnectionString to run on PostgreSQL.")]
    private static partial void LogDevMode(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "OPEN ACCESS — calls need no API key: set {Section}:BootstrapKey (or {Section}:Required=true) to require keys.")]
    private static partial void LogOpenAccess(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "REPLAY CLOCK — the server's clock started at {StartAt:O} ({Setting}); use this only to replay history.")]
    private static partial void LogShiftedClock(ILogger logger, DateTimeOffset startAt, string setting);
}
