using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Data;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>catalog</c>: load item attributes (for content-based recommendations), look at them, see the version.</summary>
internal static class CatalogCommand
{
    private const int BatchSize = 1000;

    public static Command Create(IAnsiConsole console) => new("catalog", "The workspace's item catalog (titles, descriptions, categories, brands, prices, tags)")
    {
        Import(console),
        Show(console),
        List(console),
        Delete(console),
    };

    private static Command Import(IAnsiConsole console)
    {
        var file = new Argument<string>("file") { Description = "CSV (id,title,description,category,brand,price,tags; tags separated by '|') or JSON lines (.jsonl)" };
        return new Command("import", "Insert or replace items, 1,000 per request; each request is applied whole or refused whole") { file }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var path = parse.GetRequiredValue(file);
                if (!File.Exists(path))
                {
                    throw new UsageException($"No file at {path}.");
                }

                CatalogWriteResponse? last = null;
                var items = 0;
                foreach (var batch in CatalogFile.Read(path).Chunk(BatchSize))
                {
                    var request = new UpsertItemsRequest { WorkspaceId = connection.Workspace };
                    request.Items.AddRange(batch.Select(b => b.Item));
                    try
                    {
                        last = await connection.Catalog.UpsertItemsAsync(request, cancellationToken: cancellationToken);
                    }
                    catch (Grpc.Core.RpcException)
                    {
                        // The server names items by their place in the request: say where that request starts in the file.
                        console.MarkupLine($"[red]The items of lines {batch[0].Line}-{batch[^1].Line} were refused[/] (items[[0]] is line {batch[0].Line}); {Formats.Count(items)} items before them were imported.");
                        throw;
                    }

                    items += batch.Length;
                }

                console.MarkupLine(last is null
                    ? "The file has no items."
                    : $"imported {Formats.Count(items)} items: catalog version {last.Version}, {Formats.Count(last.Count)} items");
                return ExitCodes.Success;
            });
    }

    private static Command Show(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Item id" };
        return new Command("show", "One item") { id }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var item = await connection.Catalog.GetItemAsync(new GetItemRequest { WorkspaceId = connection.Workspace, ItemId = parse.GetRequiredValue(id) }, cancellationToken: cancellationToken);
            var grid = new Grid().AddColumns(2);
            foreach (var (name, value) in Fields(item))
            {
                grid.AddRow(Markup.Escape(name), Markup.Escape(value));
            }

            console.Write(grid);
            return ExitCodes.Success;
        });
    }

    private static Command List(IAnsiConsole console)
    {
        var limit = new Option<int>("--limit") { Description = "Most items to show, in id order (default 100)" };
        var after = new Option<string>("--page-token") { Description = "Continue from a previous listing's next page token" };
        return new Command("list", "Items in id order, with the catalog's version and size") { limit, after }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var info = await connection.Catalog.GetCatalogInfoAsync(new GetCatalogInfoRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
            var page = await connection.Catalog.ListItemsAsync(new ListItemsRequest { WorkspaceId = connection.Workspace, PageSize = parse.GetValue(limit) is > 0 and var n ? n : 100, PageToken = parse.GetValue(after) ?? string.Empty }, cancellationToken: cancellationToken);
            console.MarkupLine($"catalog version {info.Version}, {Formats.Count(info.Count)} items");
            var table = new Table().AddColumns("id", "title", "category", "brand", "price", "tags", "version");
            foreach (var item in page.Items)
            {
                table.AddRow([.. new[] { item.ItemId, item.Title.Length > 0 ? item.Title : item.Description, item.Category, item.Brand, Price(item), string.Join(", ", item.Tags), item.Version.ToString(Formats.Culture) }.Select(Markup.Escape)]);
            }

            Listing.Write(console, table, "No items yet: [bold]catalog import FILE[/].");
            if (page.NextPageToken.Length > 0)
            {
                console.MarkupLine($"more: --page-token {Markup.Escape(page.NextPageToken)}");
            }

            return ExitCodes.Success;
        });
    }

    private static Command Delete(IAnsiConsole console)
    {
        var ids = new Argument<string[]>("ids") { Description = "Item ids", Arity = ArgumentArity.OneOrMore };
        return new Command("delete", "Remove items") { ids }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var request = new DeleteItemsRequest { WorkspaceId = connection.Workspace };
            request.ItemIds.AddRange(parse.GetRequiredValue(ids));
            var deleted = await connection.Catalog.DeleteItemsAsync(request, cancellationToken: cancellationToken);
            console.MarkupLine($"removed {deleted.Changed}: catalog version {deleted.Version}, {Formats.Count(deleted.Count)} items");
            return ExitCodes.Success;
        });
    }

    private static IEnumerable<(string, string)> Fields(CatalogItem item) =>
    [
        ("id", item.ItemId), ("title", item.Title), ("description", item.Description), ("category", item.Category), ("brand", item.Brand),
        ("price", Price(item)), ("tags", string.Join(", ", item.Tags)), ("version", item.Version.ToString(Formats.Culture)),
    ];

    private static string Price(CatalogItem item) =>
        item.HasPrice ? $"{item.Price.ToString("0.00##", Formats.Culture)}{(item.Currency.Length > 0 ? " " + item.Currency : string.Empty)}" : string.Empty;
}
