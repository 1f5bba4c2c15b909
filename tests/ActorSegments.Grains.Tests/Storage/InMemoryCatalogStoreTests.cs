using ActorSegments.Testing.Storage;

namespace ActorSegments.Grains.Tests.Storage;

public sealed class InMemoryCatalogStoreTests : CatalogStoreContract<InMemoryStorage>;
