using ActorSegments.Postgres.Migrations;

namespace ActorSegments.Postgres.Tests;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void All_AreNumberedFromOneWithoutGaps()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version);

        Assert.Equal(Enumerable.Range(1, MigrationCatalog.All.Count), versions);
    }

    [Fact]
    public void All_IncludeTheOrleansProviderScripts()
    {
        var names = MigrationCatalog.All.Select(m => m.Name).ToList();

        Assert.Contains("orleans_query_catalog", names);
        Assert.Contains("orleans_grain_storage", names);
        Assert.Contains("orleans_clustering", names);
        Assert.Contains("orleans_reminders", names);
    }

    [Fact]
    public void Parse_LineEndingsDoNotChangeTheChecksum()
    {
        var unix = MigrationCatalog.Parse("0007_x", "SELECT 1;\nSELECT 2;\n");
        var windows = MigrationCatalog.Parse("0007_x", "SELECT 1;\r\nSELECT 2;\r\n");

        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.Equal((7, "x"), (unix.Version, unix.Name));
    }

    [Theory]
    [InlineData("orleans")]
    [InlineData("x_orleans")]
    [InlineData("_orleans")]
    public void Parse_NameWithoutNumber_FailsNamingTheFile(string stem)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Parse(stem, "SELECT 1"));

        Assert.Contains($"{stem}.sql", ex.Message, StringComparison.Ordinal);
    }
}
