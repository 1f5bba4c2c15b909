using ActorSegments.Testing.Storage.Modeling;

namespace ActorSegments.Postgres.Tests.Modeling;

public sealed class PostgresFeatureStoreTests : FeatureStoreContract<PostgresModelingStorage>;

public sealed class PostgresJournalScanTests : JournalScanContract<PostgresModelingStorage>;

public sealed class PostgresCohortStoreTests : CohortStoreContract<PostgresModelingStorage>;

public sealed class PostgresCohortAssignmentTests : CohortAssignmentContract<PostgresModelingStorage>;

public sealed class PostgresModelStoreTests : ModelStoreContract<PostgresModelingStorage>;

public sealed class PostgresWebhookStoreTests : WebhookStoreContract<PostgresModelingStorage>;
