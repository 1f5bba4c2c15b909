namespace ActorSegments.Cli.Tests.Commands;

/// <summary>The <c>catalog</c> commands against a dev server.</summary>
public sealed class CatalogCommandTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("catalog-cli").FullName;

    [Fact]
    public async Task Catalog_ImportCsvThenJsonLines_ShowListAndDelete()
    {
        const string Workspace = "cli-catalog";
        var csv = Write("items.csv", """
            id,title,description,category,brand,price,tags
            85123A,Heart mug,"White hanging heart, large",Home > Kitchen > Mugs,Hearts,2.55,gift|white
            71053,Lantern,White metal lantern,Home > Lighting,,3.39,

            """);
        var jsonl = Write("more.jsonl", """
            {"id": "22423", "title": "Cake stand", "price": 12.75, "currency": "GBP", "tags": ["regency"]}

            """);

        var (importExit, imported) = await server.RunAsync(Workspace, "catalog", "import", csv);
        var (jsonExit, _) = await server.RunAsync(Workspace, "catalog", "import", jsonl);
        var (showExit, shown) = await server.RunAsync(Workspace, "catalog", "show", "85123A");
        var (listExit, listed) = await server.RunAsync(Workspace, "catalog", "list");
        var (deleteExit, deleted) = await server.RunAsync(Workspace, "catalog", "delete", "71053");
        var (goneExit, _) = await server.RunAsync(Workspace, "catalog", "show", "71053");

        Assert.True(importExit == 0, imported);
        Assert.Contains("imported 2 items: catalog version 1, 2 items", imported, StringComparison.Ordinal);
        Assert.Equal(0, jsonExit);
        Assert.Equal(0, showExit);
        Assert.Contains("White hanging heart, large", shown, StringComparison.Ordinal);
        Assert.Contains("Home > Kitchen > Mugs", shown, StringComparison.Ordinal);
        Assert.Contains("gift, white", shown, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.Contains("catalog version 2, 3 items", listed, StringComparison.Ordinal);
        Assert.Contains("12.75 GBP", listed, StringComparison.Ordinal);
        Assert.Equal(0, deleteExit);
        Assert.Contains("removed 1: catalog version 3, 2 items", deleted, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, goneExit);
    }

    [Fact]
    public async Task Catalog_ImportWithABadItem_RefusedWholeNamingTheField()
    {
        const string Workspace = "cli-catalog-bad";
        var csv = Write("bad.csv", """
            id,title,price
            a,Good,1
            b,Bad,-2

            """);

        var (exit, output) = await server.RunAsync(Workspace, "catalog", "import", csv);
        var (_, listed) = await server.RunAsync(Workspace, "catalog", "list");

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("items[1].price", output, StringComparison.Ordinal);
        Assert.Contains("lines 2-3", output, StringComparison.Ordinal);
        Assert.Contains("catalog version 0, 0 items", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_ImportWithoutIdColumnOrWithAPriceThatIsNoNumber_UsageErrorNothingSent()
    {
        const string Workspace = "cli-catalog-usage";
        var noId = Write("noid.csv", "title,price\nMug,1\n");
        var badPrice = Write("price.csv", "id,price\na,cheap\n");

        var (noIdExit, noIdOutput) = await server.RunAsync(Workspace, "catalog", "import", noId);
        var (priceExit, priceOutput) = await server.RunAsync(Workspace, "catalog", "import", badPrice);
        var (_, listed) = await server.RunAsync(Workspace, "catalog", "list");

        Assert.Equal(ExitCodes.Usage, noIdExit);
        Assert.Contains("no 'id' column", noIdOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, priceExit);
        Assert.Contains("line 2: price 'cheap' is not a number", priceOutput, StringComparison.Ordinal);
        Assert.Contains("catalog version 0, 0 items", listed, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
