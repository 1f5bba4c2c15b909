using ActorSegments.Grains.Customers;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class CustomerGrainOptionsValidator : IValidateOptions<CustomerGrainOptions>
{
    public const string SectionName = "ActorSegments:Customers";

    public ValidateOptionsResult Validate(string? name, CustomerGrainOptions options)
    {
        var failures = new List<string>();
        if (options.SnapshotEveryEvents is < 1 or > 1_000_000)
        {
            failures.Add($"{Setting(nameof(CustomerGrainOptions.SnapshotEveryEvents))} must be 1-1000000 (got {options.SnapshotEveryEvents}).");
        }

        if (options.SnapshotOnDeactivationAfterEvents is < 1 or > 1_000_000)
        {
            failures.Add($"{Setting(nameof(CustomerGrainOptions.SnapshotOnDeactivationAfterEvents))} must be 1-1000000 (got {options.SnapshotOnDeactivationAfterEvents}).");
        }

        if (options.SnapshotEvery <= TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(CustomerGrainOptions.SnapshotEvery))} must be positive (got {options.SnapshotEvery}).");
        }

        if (options.DormantAfter < TimeSpan.Zero || options.DormantAfter > TimeSpan.FromDays(1))
        {
            failures.Add($"{Setting(nameof(CustomerGrainOptions.DormantAfter))} must be between 00:00:00 (off) and 1.00:00:00 (got {options.DormantAfter}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(SectionName, key);
}
