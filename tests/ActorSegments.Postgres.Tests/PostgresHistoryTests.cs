using ActorSegments.Testing.Storage;

namespace ActorSegments.Postgres.Tests;

public sealed class PostgresHistoryTests : HistoryContract<PostgresStorage>;
