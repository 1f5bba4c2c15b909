using ActorSegments.Testing.Storage.Modeling;

namespace ActorSegments.Grains.Tests.Storage;

public sealed class InMemoryFeatureStoreTests : FeatureStoreContract<InMemoryModelingStorage>;

public sealed class InMemoryJournalScanTests : JournalScanContract<InMemoryModelingStorage>;

public sealed class InMemoryCohortStoreTests : CohortStoreContract<InMemoryModelingStorage>;

public sealed class InMemoryCohortAssignmentTests : CohortAssignmentContract<InMemoryModelingStorage>;

public sealed class InMemoryModelStoreTests : ModelStoreContract<InMemoryModelingStorage>;

public sealed class InMemoryWebhookStoreTests : WebhookStoreContract<InMemoryModelingStorage>;
