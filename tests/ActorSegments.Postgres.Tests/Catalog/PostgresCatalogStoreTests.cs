using ActorSegments.Testing.Storage;

namespace ActorSegments.Postgres.Tests.Catalog;

public sealed class PostgresCatalogStoreTests : CatalogStoreContract<PostgresStorage>;
