using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>One implementation of the machine learning stores, fresh for one test, and the journal that seeds the scan.</summary>
public sealed class ModelingStorageUnderTest : IAsyncDisposable
{
    public required ICustomerJournal Journal { get; init; }

    public required IJournalScan Scan { get; init; }

    public required IFeatureStore Features { get; init; }

    /// <summary>Stores feature rows as a silo of the given layout version would (a layout that is not the current one).</summary>
    public required Func<string, IReadOnlyList<FeatureRow>, int, Task> UpsertFeaturesInLayout { get; init; }

    public required ICohortStore Cohorts { get; init; }

    public required IModelStore Models { get; init; }

    public required IWebhookStore Webhooks { get; init; }

    public Func<ValueTask> Release { get; init; } = () => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => Release();
}
