using System.Collections.Concurrent;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using ActorSegments.InMemory;

namespace ActorSegments.Grains.Tests.Features;

/// <summary>An in-memory feature store that records each write's size and can be made to fail the next writes.</summary>
internal sealed class RecordingFeatureStore : IFeatureStore
{
    private readonly InMemoryFeatureStore _inner = new();
    private int _failures;
    private int _failed;

    public ConcurrentQueue<(string Workspace, int Rows)> Writes { get; } = new();

    public int Failed => Volatile.Read(ref _failed);

    public void FailNext(int writes) => Volatile.Write(ref _failures, writes);

    /// <summary>Runs inside the next successful write, before it is stored: what a customer does while a write is under way.</summary>
    public Action? DuringNextWrite
    {
        set => _duringNextWrite = value;
    }

    private Action? _duringNextWrite;

    public Task UpsertAsync(string workspaceId, IReadOnlyList<FeatureRow> rows, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            Interlocked.Increment(ref _failed);
            return Task.FromException(new InvalidOperationException("Injected feature store failure."));
        }

        Interlocked.Exchange(ref _duringNextWrite, null)?.Invoke();
        Writes.Enqueue((workspaceId, rows.Count));
        return _inner.UpsertAsync(workspaceId, rows, cancellationToken);
    }

    public IAsyncEnumerable<FeatureRow> ReadAllAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        _inner.ReadAllAsync(workspaceId, cancellationToken);

    public Task<long> CountAsync(string workspaceId, CancellationToken cancellationToken = default) => _inner.CountAsync(workspaceId, cancellationToken);

    public Task<IReadOnlyList<string>> ReadStaleAsync(string workspaceId, string? afterCustomerId, int limit, CancellationToken cancellationToken = default) =>
        _inner.ReadStaleAsync(workspaceId, afterCustomerId, limit, cancellationToken);

    public Task<IReadOnlyList<string>> StaleWorkspacesAsync(CancellationToken cancellationToken = default) => _inner.StaleWorkspacesAsync(cancellationToken);
}
