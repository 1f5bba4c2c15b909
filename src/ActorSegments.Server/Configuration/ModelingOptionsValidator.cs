using ActorSegments.Grains.Modeling;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class ModelingOptionsValidator : IValidateOptions<ModelingOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelingOptions options)
    {
        var failures = new List<string>();
        Check(failures, options.PushConcurrency is >= 1 and <= 10_000, nameof(ModelingOptions.PushConcurrency), "1-10000", options.PushConcurrency);
        Check(failures, options.PushAttempts is >= 1 and <= 100, nameof(ModelingOptions.PushAttempts), "1-100", options.PushAttempts);
        Check(failures, options.CohortRefreshEvery >= TimeSpan.Zero, nameof(ModelingOptions.CohortRefreshEvery), "0 (off) or more", options.CohortRefreshEvery);
        Check(failures, options.ScheduleCheckEvery >= TimeSpan.FromSeconds(1), nameof(ModelingOptions.ScheduleCheckEvery), "at least 00:00:01", options.ScheduleCheckEvery);
        Check(failures, options.MinimumCustomersForCohorts >= 2, nameof(ModelingOptions.MinimumCustomersForCohorts), "at least 2", options.MinimumCustomersForCohorts);
        Check(failures, options.MinK >= 2 && options.MinK <= options.MaxK, nameof(ModelingOptions.MinK), $"2 or more and at most MaxK ({options.MaxK})", options.MinK);
        Check(failures, options.MaxK <= 30, nameof(ModelingOptions.MaxK), "at most 30", options.MaxK);
        Check(failures, options.Seeds is >= 1 and <= 50, nameof(ModelingOptions.Seeds), "1-50", options.Seeds);
        Check(failures, options.TrainingSample >= 1_000, nameof(ModelingOptions.TrainingSample), "at least 1000", options.TrainingSample);
        Check(failures, options.ScoringModelRefresh >= TimeSpan.FromSeconds(1), nameof(ModelingOptions.ScoringModelRefresh), "at least 00:00:01", options.ScoringModelRefresh);
        Check(failures, options.ScoreChangeToRecord is >= 0 and < 1, nameof(ModelingOptions.ScoreChangeToRecord), "0 to below 1", options.ScoreChangeToRecord);
        Check(failures, options.RecommendationsPerCustomer is >= 1 and <= 100, nameof(ModelingOptions.RecommendationsPerCustomer), "1-100", options.RecommendationsPerCustomer);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool valid, string key, string expected, object actual)
    {
        if (!valid)
        {
            failures.Add($"{SettingNames.Describe(ModelingOptions.SectionName, key)} must be {expected} (got {actual}).");
        }
    }
}
