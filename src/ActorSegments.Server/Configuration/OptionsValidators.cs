using ActorSegments.Grains.Customers;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Modeling;
using ActorSegments.Grains.Privacy;
using ActorSegments.Grains.WakeUps;
using ActorSegments.Grains.Webhooks;
using ActorSegments.ML.Labeling;
using ActorSegments.Postgres.Journal;
using ActorSegments.WebConsole;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

// The validators of every settings section, written by the options validation source generator from the rules on the
// options classes: data annotations for each setting, IValidatableObject for rules between settings. Each failure
// names its member; SettingNamingValidator turns that into the setting an operator sets.
[OptionsValidator] internal sealed partial class AdmissionOptionsValidator : IValidateOptions<AdmissionOptions>;

[OptionsValidator] internal sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>;

[OptionsValidator] internal sealed partial class ClusterHostingOptionsValidator : IValidateOptions<ClusterHostingOptions>;

[OptionsValidator] internal sealed partial class CohortLabelerOptionsValidator : IValidateOptions<CohortLabelerOptions>;

[OptionsValidator] internal sealed partial class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>;

[OptionsValidator] internal sealed partial class CustomerGrainOptionsValidator : IValidateOptions<CustomerGrainOptions>;

[OptionsValidator] internal sealed partial class FeatureWriterOptionsValidator : IValidateOptions<FeatureWriterOptions>;

[OptionsValidator] internal sealed partial class FeatureUpgradeOptionsValidator : IValidateOptions<FeatureUpgradeOptions>;

[OptionsValidator] internal sealed partial class IdentityOptionsValidator : IValidateOptions<IdentityOptions>;

[OptionsValidator] internal sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>;

[OptionsValidator] internal sealed partial class JournalOptionsValidator : IValidateOptions<JournalOptions>;

[OptionsValidator] internal sealed partial class ModelingOptionsValidator : IValidateOptions<ModelingOptions>;

[OptionsValidator] internal sealed partial class PostgresOptionsValidator : IValidateOptions<PostgresOptions>;

[OptionsValidator] internal sealed partial class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>;

[OptionsValidator] internal sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;

[OptionsValidator] internal sealed partial class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>;

[OptionsValidator] internal sealed partial class WakeUpSweeperOptionsValidator : IValidateOptions<WakeUpSweeperOptions>;

[OptionsValidator] internal sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
