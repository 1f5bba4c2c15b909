using ActorSegments.Testing.Storage;

namespace ActorSegments.Postgres.Tests;

public sealed class PostgresSegmentVersionsTests : SegmentVersionsContract<PostgresStorage>;
