using ActorSegments.Testing.Storage;

namespace ActorSegments.Postgres.Tests.Privacy;

public sealed class PostgresCustomerErasureTests : CustomerErasureContract<PostgresStorage>;
