using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage;

/// <summary>What every <see cref="IApiKeyStore"/> must do.</summary>
public abstract class ApiKeyStoreContract<TStorage>
    where TStorage : IStorageFactory
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));

    private static ApiKeyRecord Key(string id, string workspace, int minutes) =>
        new(id, workspace, $"key {id}", ApiKeyScopes.Ingest | ApiKeyScopes.Read, [(byte)id.Length, 0xA5, 0x00, 0xFF], T0.AddMinutes(minutes), null);

    [Fact]
    public async Task Find_AfterCreate_ReturnsTheKeyAsStored()
    {
        await using var storage = await TStorage.StartAsync("keys_find");
        var key = Key("k1", "w", 0);
        await storage.Keys.CreateAsync(key, TestContext.Current.CancellationToken);

        var found = await storage.Keys.FindAsync("k1", TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        AssertSame(key, found);
        Assert.Null(await storage.Keys.FindAsync("k2", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Create_ExistingId_FailsAndKeepsTheFirst()
    {
        await using var storage = await TStorage.StartAsync("keys_duplicate");
        await storage.Keys.CreateAsync(Key("k1", "w", 0), TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(() => storage.Keys.CreateAsync(Key("k1", "w2", 1), TestContext.Current.CancellationToken));

        Assert.Equal("w", (await storage.Keys.FindAsync("k1", TestContext.Current.CancellationToken))!.WorkspaceId);
    }

    [Fact]
    public async Task List_NewestFirst_WithRevokedKeysAndOnlyThatWorkspace()
    {
        await using var storage = await TStorage.StartAsync("keys_list");
        foreach (var key in new[] { Key("old", "w", 0), Key("new", "w", 2), Key("mid", "w", 1), Key("other", "w2", 3) })
        {
            await storage.Keys.CreateAsync(key, TestContext.Current.CancellationToken);
        }

        await storage.Keys.RevokeAsync("w", "mid", T0.AddHours(1), TestContext.Current.CancellationToken);
        var keys = await storage.Keys.ListAsync("w", TestContext.Current.CancellationToken);

        Assert.Equal(["new", "mid", "old"], keys.Select(k => k.KeyId));
        Assert.Equal(T0.AddHours(1), keys[1].RevokedAt);
        Assert.Empty(await storage.Keys.ListAsync("nobody", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Revoke_OnceOnlyAndOnlyByItsWorkspace()
    {
        await using var storage = await TStorage.StartAsync("keys_revoke");
        await storage.Keys.CreateAsync(Key("k1", "w", 0), TestContext.Current.CancellationToken);

        Assert.False(await storage.Keys.RevokeAsync("w2", "k1", T0.AddHours(1), TestContext.Current.CancellationToken));
        Assert.Null((await storage.Keys.FindAsync("k1", TestContext.Current.CancellationToken))!.RevokedAt);
        Assert.True(await storage.Keys.RevokeAsync("w", "k1", T0.AddHours(2), TestContext.Current.CancellationToken));
        Assert.False(await storage.Keys.RevokeAsync("w", "k1", T0.AddHours(3), TestContext.Current.CancellationToken));
        Assert.False(await storage.Keys.RevokeAsync("w", "nope", T0.AddHours(3), TestContext.Current.CancellationToken));
        Assert.Equal(T0.AddHours(2), (await storage.Keys.FindAsync("k1", TestContext.Current.CancellationToken))!.RevokedAt);
    }

    /// <summary>Field by field: records compare arrays by reference, and storage may return its own copy.</summary>
    private static void AssertSame(ApiKeyRecord expected, ApiKeyRecord actual)
    {
        Assert.Equal(expected.SecretHash, actual.SecretHash);
        Assert.Equal(expected, actual with { SecretHash = expected.SecretHash });
    }
}
