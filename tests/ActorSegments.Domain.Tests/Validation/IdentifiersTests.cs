using System.Globalization;
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
    [InlineData("evil\u202Etxt.exe", "U+202E")]
    [InlineData("ali\u200Bce", "zero-width")]
    [InlineData("\uFEFFalice", "U+FEFF")]
    [InlineData("a\u2066b\u2069", "bidi")]
    [InlineData("alice\uFFFF", "noncharacter")]
    [InlineData("alice\uFDD0", "noncharacter")]
    [InlineData("a\uDBFF\uDFFFb", "noncharacter")]
    [InlineData("a\u2028b", "line or paragraph separator")]
    [InlineData(" a", "whitespace")]
    [InlineData("a ", "whitespace")]
    public void CheckOpaqueId_Malformed_ExplainsWhatWasExpected(string id, string expected) =>
        Assert.Contains(expected, Identifiers.CheckOpaqueId(id, 256), StringComparison.Ordinal);

    /// <summary>Built here, not passed as theory data: test data travels as text, where a lone surrogate becomes U+FFFD.</summary>
    [Fact]
    public void CheckOpaqueId_UnpairedSurrogate_IsRefusedWithItsPosition()
    {
        Assert.Equal("must not contain unpaired surrogates (found U+D800 at index 1)", Identifiers.CheckOpaqueId("a" + '\uD800' + "b", 256));
        Assert.Equal("must not contain unpaired surrogates (found U+DC00 at index 1)", Identifiers.CheckOpaqueId("a" + '\uDC00', 256));
    }

    [Fact]
    public void CheckOpaqueId_SupplementaryCharacters_Accepted() => Assert.Null(Identifiers.CheckOpaqueId("shopper-😀-𝔘", 256));

    /// <summary>Ids stored before invisible characters were refused must stay readable (profiles, explanations).</summary>
    [Theory]
    [InlineData("ali\u200Bce")]
    [InlineData("evil\u202Etxt")]
    [InlineData(" padded ")]
    public void CheckOpaqueIdForLookup_IdRefusedForWritingToday_StillReadable(string id)
    {
        Assert.NotNull(Identifiers.CheckOpaqueId(id, 256));
        Assert.Null(Identifiers.CheckOpaqueIdForLookup(id, 256));
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("a\u0000b", "control characters")]
    public void CheckOpaqueIdForLookup_Malformed_ExplainsWhatWasExpected(string id, string expected) =>
        Assert.Contains(expected, Identifiers.CheckOpaqueIdForLookup(id, 256), StringComparison.Ordinal);

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
    [InlineData("spring_sale")]
    [InlineData("a")]
    [InlineData("onboarding_v2_2026")]
    public void CheckExperimentId_WellFormed_Accepted(string id) => Assert.Null(Identifiers.CheckExperimentId(id));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("Spring_sale", "starting with a letter, as in \"spring_sale\" (got \"Spring_sale\")")]
    [InlineData("2026_sale", "starting with a letter")]
    [InlineData("_sale", "starting with a letter")]
    [InlineData("spring-sale", "lower-case letters, digits and '_'")]
    [InlineData("spring sale", "lower-case letters, digits and '_'")]
    public void CheckExperimentId_Malformed_ExplainsWhatWasExpected(string? id, string expected) =>
        Assert.Contains(expected, Identifiers.CheckExperimentId(id), StringComparison.Ordinal);

    [Fact]
    public void CheckExperimentId_LongerThan64_NamesTheLimitAndLength()
    {
        Assert.Null(Identifiers.CheckExperimentId(new string('a', 64)));
        Assert.Equal("must be at most 64 characters (got 65)", Identifiers.CheckExperimentId(new string('a', 65)));
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
    public void EveryCharacter_IsAcceptedExactlyWhenTheDocumentedRuleAllowsIt()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var lowerAlphanumeric = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
            Assert.Equal(lowerAlphanumeric || c is '-' or '_', Identifiers.CheckWorkspaceId($"a{c}", 64) is null);
            Assert.Equal(lowerAlphanumeric || c == '_', Identifiers.CheckEventType($"a{c}", 64) is null);
            Assert.Equal(lowerAlphanumeric || c == '_', Identifiers.CheckExperimentId($"a{c}") is null);
            Assert.Equal(char.IsAsciiLetterLower(c), Identifiers.CheckExperimentId($"{c}a") is null);
            Assert.Equal(char.IsAsciiLetterOrDigit(c) || c == '_', Identifiers.CheckPropertyName($"a{c}", 64) is null);
            var category = char.GetUnicodeCategory(c);
            var hidden = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF';
            Assert.Equal(!hidden, Identifiers.CheckOpaqueId($"a{c}b", 256) is null);
            Assert.Equal(!char.IsControl(c), Identifiers.CheckOpaqueIdForLookup($"a{c}b", 256) is null);
        }
    }
}
