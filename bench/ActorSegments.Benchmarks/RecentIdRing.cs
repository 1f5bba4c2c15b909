namespace ActorSegments.Benchmarks;

/// <summary>The replaced structure, as it was: the last 512 ids as 64-bit hashes, searched linearly.</summary>
internal sealed class RecentIdRing
{
    private const int Capacity = 512;
    private ulong[] _ring = [];
    private int _count;
    private int _next;

    public bool Add(string eventId)
    {
        var hash = Hash(eventId);
        if (_ring.AsSpan(0, _count).Contains(hash))
        {
            return false;
        }

        if (_count < Capacity)
        {
            if (_count == _ring.Length)
            {
                Array.Resize(ref _ring, Math.Min(Capacity, Math.Max(8, _ring.Length * 2)));
            }

            _ring[_count++] = hash;
            return true;
        }

        _ring[_next] = hash;
        _next = (_next + 1) % Capacity;
        return true;
    }

    private static ulong Hash(string eventId)
    {
        var maxBytes = System.Text.Encoding.UTF8.GetMaxByteCount(eventId.Length);
        Span<byte> buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var written = System.Text.Encoding.UTF8.GetBytes(eventId, buffer);
        return System.IO.Hashing.XxHash3.HashToUInt64(buffer[..written]);
    }
}
