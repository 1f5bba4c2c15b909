using System.Collections;
using ActorSegments.Protos.V1;

namespace ActorSegments.Load;

/// <summary>
/// Requests built when a caller takes them, for fills too large to prepare in memory first (a million customers).
/// </summary>
internal sealed class GeneratedRequests(int count, Func<int, TrackBatchRequest> build) : IReadOnlyList<TrackBatchRequest>
{
    public int Count => count;

    public TrackBatchRequest this[int index] => build(index);

    public IEnumerator<TrackBatchRequest> GetEnumerator() => Enumerable.Range(0, count).Select(build).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
