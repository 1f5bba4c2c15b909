using ActorSegments.Server.Admission;
using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Hosting;

internal static class AdmissionHostingExtensions
{
    /// <summary>
    /// The admission gate and its parts. A bound on events below the batch limit would let a full batch in only when
    /// nothing else runs, so under steady load it would never get its turn: refused at start instead.
    /// </summary>
    public static IHostApplicationBuilder AddActorSegmentsAdmission(this IHostApplicationBuilder builder, AdmissionOptions admission, IngestOptions ingest)
    {
        if (admission.Enabled && admission.MaxEventsInFlight < ingest.MaxBatchSize)
        {
            throw new OptionsValidationException(AdmissionOptions.SectionName, typeof(AdmissionOptions), [
                $"{SettingNames.Describe(AdmissionOptions.SectionName, nameof(AdmissionOptions.MaxEventsInFlight))} must be at least " +
                $"{SettingNames.Describe(IngestOptions.SectionName, nameof(IngestOptions.MaxBatchSize))} ({ingest.MaxBatchSize}) (got {admission.MaxEventsInFlight}): a full batch must fit."]);
        }

        builder.Services.AddSingleton<AdmissionGate>();
        builder.Services.AddSingleton<AdmissionMetrics>();
        builder.Services.AddSingleton<ShedLog>();
        builder.Services.AddSingleton<IngestAdmission>();
        return builder;
    }

    /// <summary>The request-level gate; after routing (added implicitly first), before the endpoints.</summary>
    public static WebApplication UseActorSegmentsAdmission(this WebApplication app)
    {
        app.UseMiddleware<AdmissionMiddleware>();
        return app;
    }
}
