using ActorSegments.Domain.Access;
using System.Collections.Concurrent;
using ActorSegments.Domain.Storage;
using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Access;

/// <summary>
/// Turns a presented API key into a <see cref="Caller"/>: the configured bootstrap key, or a stored, unrevoked key
/// whose secret matches. Stored keys are looked up at most once per <see cref="AuthOptions.KeyCacheDuration"/> per key
/// id, so a busy ingest connection does not cost a database read per call. The cache is bounded
/// (<see cref="MaxCachedKeys"/>): key ids are chosen by whoever calls, so a flood of made-up ids must not grow it; when
/// full, expired entries are swept (at most once per cache duration) and otherwise a lookup is simply not cached.
/// </summary>
public sealed class ApiKeyAuthenticator : ICallerAuthenticator
{
    private const string BootstrapKeyId = "bootstrap";

    /// <summary>Far above the keys a deployment holds; what a flood of unknown ids can make the cache hold at most.</summary>
    internal const int MaxCachedKeys = 10_000;

    private readonly IApiKeyStore _keys;
    private readonly TimeProvider _time;
    private readonly AuthOptions _options;
    private readonly byte[]? _bootstrapHash;
    private readonly ConcurrentDictionary<string, (ApiKeyRecord? Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private long _sweptAt = long.MinValue;

    public ApiKeyAuthenticator(IApiKeyStore keys, TimeProvider time, IOptions<AuthOptions> options, bool required)
    {
        _keys = keys;
        _time = time;
        _options = options.Value;
        Required = required;
        _bootstrapHash = _options.BootstrapKey is { } bootstrap ? ApiKeyFormat.Hash(bootstrap.Trim()) : null;
    }

    /// <summary>False in an open dev server: every call acts with every scope on every workspace.</summary>
    public bool Required { get; }

    /// <summary>The caller a key stands for, or null when the key is unknown, revoked or wrong.</summary>
    public async ValueTask<Caller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!Required)
        {
            return Caller.Unrestricted("open");
        }

        if (string.IsNullOrWhiteSpace(presented))
        {
            return null;
        }

        presented = presented.Trim();
        if (_bootstrapHash is not null && ApiKeyFormat.Matches(presented, _bootstrapHash))
        {
            return Caller.Unrestricted(BootstrapKeyId);
        }

        if (!ApiKeyFormat.TryParse(presented, out var keyId, out var secret))
        {
            return null;
        }

        var key = await LookUpAsync(keyId, cancellationToken);
        return key is { RevokedAt: null } && ApiKeyFormat.Matches(secret, key.SecretHash)
            ? new Caller(key.KeyId, key.WorkspaceId, key.Scopes)
            : null;
    }

    /// <summary>Forgets what is cached of a key, so a change made through this server applies at once here.</summary>
    public void Forget(string keyId) => _cache.TryRemove(keyId, out _);

    private async ValueTask<ApiKeyRecord?> LookUpAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(keyId, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        var key = await _keys.FindAsync(keyId, cancellationToken);
        if (_cache.Count < MaxCachedKeys || _cache.ContainsKey(keyId) || SweepExpired(now))
        {
            _cache[keyId] = (key, now + _options.KeyCacheDuration);
        }

        return key;
    }

    /// <summary>Entries cached now (for tests).</summary>
    internal int CachedKeys => _cache.Count;

    /// <summary>Removes expired entries, unless a sweep ran within the cache duration; true when there is room after it.</summary>
    private bool SweepExpired(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _sweptAt);
        if (last != long.MinValue && now.UtcTicks - last < _options.KeyCacheDuration.Ticks)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _sweptAt, now.UtcTicks, last) != last)
        {
            return false; // another call is sweeping
        }

        foreach (var (keyId, entry) in _cache)
        {
            if (entry.Until <= now)
            {
                _cache.TryRemove(keyId, out _);
            }
        }

        return _cache.Count < MaxCachedKeys;
    }
}
