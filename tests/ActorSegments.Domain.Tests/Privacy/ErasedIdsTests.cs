using ActorSegments.Domain.Privacy;

namespace ActorSegments.Domain.Tests.Privacy;

public sealed class ErasedIdsTests
{
    [Fact]
    public void Hash_IsSha256OfWorkspaceLineFeedCustomerInLowercaseHex()
    {
        // printf 'acme\n17850' | sha256sum
        Assert.Equal("d764ef470a9a823f4021555680f146f1a9983d220c6c5e403dc2d69eee5ce171", ErasedIds.Hash("acme", "17850"));
    }

    [Fact]
    public void Hash_SameCustomerIdInAnotherWorkspace_Differs()
    {
        Assert.NotEqual(ErasedIds.Hash("acme", "c1"), ErasedIds.Hash("shop", "c1"));
        Assert.NotEqual(ErasedIds.Hash("ab", "c"), ErasedIds.Hash("a", "bc"));
    }

    [Fact]
    public void NewToken_IsPrefixedRandomAndHoldsNothingOfTheId()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => ErasedIds.NewToken()).ToList();

        Assert.All(tokens, t => Assert.Matches("^erased:[0-9a-f]{24}$", t));
        Assert.Equal(100, tokens.Distinct(StringComparer.Ordinal).Count());
    }
}
