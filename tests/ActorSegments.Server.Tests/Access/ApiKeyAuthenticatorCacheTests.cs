using ActorSegments.Domain.Storage;
using ActorSegments.InMemory;
using ActorSegments.Server.Access;
using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Server.Tests.Access;

/// <summary>
/// The cache of looked-up keys is bounded: key ids come from whoever calls, and a flood of made-up ones must neither
/// grow it without end nor stop a real key from working.
/// </summary>
public sealed class ApiKeyAuthenticatorCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownKeyFlood_FillsTheCacheToItsBoundOnly_AndARealKeyStillWorks()
    {
        var (authenticator, _, key) = await SetUpAsync();

        for (var i = 0; i < ApiKeyAuthenticator.MaxCachedKeys + 500; i++)
        {
            Assert.Null(await authenticator.AuthenticateAsync(MadeUpKey(i), Ct));
        }

        var caller = await authenticator.AuthenticateAsync(key, Ct);

        Assert.Equal(ApiKeyAuthenticator.MaxCachedKeys, authenticator.CachedKeys);
        Assert.Equal("ws-1", caller?.WorkspaceId);
    }

    [Fact]
    public async Task FullCache_IsSweptOfExpiredEntries_OnceTheCacheDurationHasPassed()
    {
        var (authenticator, time, key) = await SetUpAsync();
        for (var i = 0; i < ApiKeyAuthenticator.MaxCachedKeys; i++)
        {
            await authenticator.AuthenticateAsync(MadeUpKey(i), Ct);
        }

        time.Advance(TimeSpan.FromSeconds(6));
        var caller = await authenticator.AuthenticateAsync(key, Ct);

        Assert.Equal(1, authenticator.CachedKeys);
        Assert.Equal("ws-1", caller?.WorkspaceId);
    }

    private static string MadeUpKey(int i) => $"as_{i:x16}_not-a-secret";

    private static async Task<(ApiKeyAuthenticator Authenticator, FakeTimeProvider Time, string Key)> SetUpAsync()
    {
        var store = new InMemoryApiKeyStore();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var (keyId, key, hash) = ApiKeyFormat.Generate();
        await store.CreateAsync(new ApiKeyRecord(keyId, "ws-1", "test", ApiKeyScopes.Read, hash, time.GetUtcNow(), null), Ct);
        var options = Options.Create(new AuthOptions { KeyCacheDuration = TimeSpan.FromSeconds(5) });
        return (new ApiKeyAuthenticator(store, time, options, required: true), time, key);
    }
}
