using ActorSegments.Domain.Catalog;

namespace ActorSegments.Domain.Tests.Catalog;

public sealed class CatalogValidatorTests
{
    private static readonly CatalogItem Mug = new("85123A", "Mug", "White hanging heart mug", ["Home", "Kitchen", "Mugs"], "Hearts", 2.55m, "GBP", ["gift"]);

    [Fact]
    public void Validate_WellFormedItems_NoViolation()
    {
        Assert.Empty(CatalogValidator.Validate([Mug, Mug with { Id = "71053", Price = null, Currency = null, Brand = "" }], CatalogLimits.Default));
    }

    [Fact]
    public void Validate_NegativePrice_NamesTheItemAndField()
    {
        var violation = Assert.Single(CatalogValidator.Validate([Mug, Mug with { Id = "b", Price = -1m }], CatalogLimits.Default));

        Assert.Equal("items[1].price", violation.Field);
        Assert.Contains("must not be negative", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CurrencyWithoutPriceOrMalformed_Refused()
    {
        var violations = CatalogValidator.Validate([Mug with { Price = null }, Mug with { Id = "b", Currency = "gbp" }], CatalogLimits.Default);

        Assert.Equal(["items[0].currency", "items[1].currency"], violations.Select(v => v.Field));
        Assert.Contains("without a price", violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("ISO 4217", violations[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateIdInOneBatch_PointsAtTheFirst()
    {
        var violation = Assert.Single(CatalogValidator.Validate([Mug, Mug], CatalogLimits.Default));

        Assert.Equal("items[1].id", violation.Field);
        Assert.Contains("items[0]", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TagsCategoryAndTextBeyondLimits_EachReported()
    {
        var limits = CatalogLimits.Default with { MaxTags = 2, MaxTitleLength = 5 };
        var item = Mug with { Title = "Too long a title", CategoryPath = ["Home", " "], Tags = ["a", "a"] };

        var violations = CatalogValidator.Validate([item, Mug with { Id = "b", Tags = ["a", "b", "c"], Title = "" }], limits);

        Assert.Equal(["items[0].title", "items[0].category", "items[0].tags[1]", "items[1].tags"], violations.Select(v => v.Field));
    }

    [Fact]
    public void Validate_EmptyOrOversizedBatchAndBadIds_Refused()
    {
        Assert.Equal("items", Assert.Single(CatalogValidator.Validate([], CatalogLimits.Default)).Field);
        Assert.Equal("items", Assert.Single(CatalogValidator.Validate([Mug, Mug with { Id = "b" }], CatalogLimits.Default with { MaxItemsPerRequest = 1 })).Field);
        Assert.Equal("items[0].id", Assert.Single(CatalogValidator.Validate([Mug with { Id = " padded" }], CatalogLimits.Default)).Field);
        Assert.Equal("item_ids[1]", Assert.Single(CatalogValidator.ValidateIds(["a", ""], CatalogLimits.Default)).Field);
    }

    [Fact]
    public void ParseCategory_SeparatorWithSpaces_LevelsTrimmed()
    {
        Assert.Equal(["Home", "Kitchen", "Mugs"], CatalogItem.ParseCategory("Home > Kitchen>Mugs"));
        Assert.Empty(CatalogItem.ParseCategory(" "));
        Assert.Equal("Home > Kitchen > Mugs", Mug.Category);
    }
}
