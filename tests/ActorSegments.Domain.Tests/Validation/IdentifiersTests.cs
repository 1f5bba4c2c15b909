using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Tests.Validation;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("acme-eu_2")]
    [InlineData("0shop")]
    public void CheckWorkspaceId_WellFormed_Accepted(string id) => Assert.Null(Identifiers.CheckWorkspaceId(id, 64));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("Acme", "lower-case letters")]
    [InlineData("-acme", "starting with a letter or digit")]
    [InlineData("ac/me", "lower-case letters")]
    public void CheckWorkspaceId_Malformed_ExplainsWhatWasExpected(string? id, string expected) =>
        Assert.Contains(expected, Identifiers.CheckWorkspaceId(id, 64), StringComparison.Ordinal);

    [Fact]
    public void CheckWorkspaceId_TooLong_NamesTheLimitAndLength() =>
        Assert.Equal("must be at most 64 characters (got 65)", Identifiers.CheckWorkspaceId(new string('a', 65), 64));

    [Theory]
    [InlineData("17850")]
    [InlineData("a")]
    [InlineData("user+tag@example.com")]
    [InlineData("客户/42")]
    public void CheckOpaqueId_PrintableText_Accepted(string id) => Assert.Null(Identifiers.CheckOpaqueId(id, 256));

    [Theory]
    [InlineData("", "is required")]
    [InlineData("a\nb", "control characters")]
    [InlineData(" a", "whitespace")]
    [InlineData("a ", "whitespace")]
    public void CheckOpaqueId_Malformed_ExplainsWhatWasExpected(string id, string expected) =>
        Assert.Contains(expected, Identifiers.CheckOpaqueId(id, 256), StringComparison.Ordinal);

    [Theory]
    [InlineData("product_viewed")]
    [InlineData("purchase")]
    [InlineData("step2_done")]
    public void CheckEventType_SnakeCase_Accepted(string type) => Assert.Null(Identifiers.CheckEventType(type, 64));

    [Theory]
    [InlineData("Product Viewed")]
    [InlineData("productViewed")]
    [InlineData("2fa_enabled")]
    [InlineData("cart-added")]
    public void CheckEventType_NotSnakeCase_ShowsAnExampleAndTheValue(string type)
    {
        var problem = Identifiers.CheckEventType(type, 64);

        Assert.Contains("snake_case", problem, StringComparison.Ordinal);
        Assert.Contains(type, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckEventType_HugeValue_EchoesOnlyAShortPrefix()
    {
        var problem = Identifiers.CheckEventType("X" + new string('y', 10_000), 20_000);

        Assert.NotNull(problem);
        Assert.True(problem.Length < 200, problem);
    }

    [Theory]
    [InlineData("category", true)]
    [InlineData("productId", true)]
    [InlineData("_internal", true)]
    [InlineData("9lives", false)]
    [InlineData("price.usd", false)]
    public void CheckPropertyName_Identifiers(string name, bool accepted) =>
        Assert.Equal(accepted, Identifiers.CheckPropertyName(name, 64) is null);

    /// <summary>Every character of the basic plane, alone inside an otherwise valid value, is judged by the documented rule.</summary>
    [Fact]
    public void Every_character_is_accepted_exactly_when_the_documented_rule_allows_it()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var lowerAlphanumeric = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
            Assert.Equal(lowerAlphanumeric || c is '-' or '_', Identifiers.CheckWorkspaceId($"a{c}", 64) is null);
            Assert.Equal(lowerAlphanumeric || c == '_', Identifiers.CheckEventType($"a{c}", 64) is null);
            Assert.Equal(char.IsAsciiLetterOrDigit(c) || c == '_', Identifiers.CheckPropertyName($"a{c}", 64) is null);
            Assert.Equal(!char.IsControl(c), Identifiers.CheckOpaqueId($"a{c}b", 256) is null);
        }
    }
}
