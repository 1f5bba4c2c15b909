using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>The catalog over gRPC and its JSON routes: versioned batches, whole-batch refusals, scopes.</summary>
public sealed class CatalogApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private CatalogService.CatalogServiceClient Catalog(string key) => new(Server.As(key).Invoker);

    [Fact]
    public async Task Upsert_ThenGetListAndInfo_ItemsCarryTheirVersion()
    {
        var ws = await Server.NewWorkspaceAsync();
        var catalog = Catalog(await Server.KeyAsync(ws, "ingest"));
        var reader = Catalog(await Server.KeyAsync(ws, "read"));

        await catalog.UpsertItemsAsync(Upsert(ws, Item("b", 2.5), Item("a", null)), cancellationToken: Ct);
        var second = await catalog.UpsertItemsAsync(Upsert(ws, Item("a", 1)), cancellationToken: Ct);
        var first = await reader.ListItemsAsync(new ListItemsRequest { WorkspaceId = ws, PageSize = 1 }, cancellationToken: Ct);
        var rest = await reader.ListItemsAsync(new ListItemsRequest { WorkspaceId = ws, PageSize = 1, PageToken = first.NextPageToken }, cancellationToken: Ct);
        var b = await reader.GetItemAsync(new GetItemRequest { WorkspaceId = ws, ItemId = "b" }, cancellationToken: Ct);

        Assert.Equal((2, 2, 1), (second.Version, second.Count, second.Changed));
        Assert.Equal([("a", 2L, 1.0)], first.Items.Select(i => (i.ItemId, i.Version, i.Price)));
        Assert.Equal(["b"], rest.Items.Select(i => i.ItemId));
        Assert.Equal(("Home > Kitchen", 2.5, "GBP", 1L), (b.Category, b.Price, b.Currency, b.Version));
    }

    [Fact]
    public async Task Upsert_WithBadItems_InvalidArgumentNamingEachAndNothingApplied()
    {
        var ws = await Server.NewWorkspaceAsync();
        var catalog = Catalog(RunningServer.BootstrapKey);
        var bad = Item("c", -1);
        bad.Tags.Add("gift");
        bad.Tags.Add("gift");

        var refused = await Assert.ThrowsAsync<RpcException>(() => catalog.UpsertItemsAsync(Upsert(ws, Item("a", 1), bad, Item("a", 2)), cancellationToken: Ct).ResponseAsync);
        var info = await catalog.GetCatalogInfoAsync(new GetCatalogInfoRequest { WorkspaceId = ws }, cancellationToken: Ct);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["items[1].price", "items[1].tags[1]", "items[2].id"], GrpcErrors.ViolatedFields(refused));
        Assert.Equal((0, 0), (info.Version, info.Count));
    }

    [Fact]
    public async Task Writes_NeedIngestOrAdmin_ReadsNeedRead()
    {
        var ws = await Server.NewWorkspaceAsync();
        var reader = Catalog(await Server.KeyAsync(ws, "read"));
        var ingester = Catalog(await Server.KeyAsync(ws, "ingest"));

        var write = await Assert.ThrowsAsync<RpcException>(() => reader.UpsertItemsAsync(Upsert(ws, Item("a", 1)), cancellationToken: Ct).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => ingester.GetCatalogInfoAsync(new GetCatalogInfoRequest { WorkspaceId = ws }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
        Assert.Contains("'ingest' scope", write.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
    }

    [Fact]
    public async Task JsonRoutes_UpsertThenGet()
    {
        var ws = await Server.NewWorkspaceAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);

        using var body = new StringContent("""{"items":[{"itemId":"85123A","description":"White heart","price":2.55,"tags":["gift"]}]}""", Encoding.UTF8, "application/json");
        using var upserted = await http.PostAsync(new Uri($"/v1/workspaces/{ws}/items:upsert", UriKind.Relative), body, Ct);
        using var got = await http.GetAsync(new Uri($"/v1/workspaces/{ws}/items/85123A", UriKind.Relative), Ct);
        using var info = await http.GetAsync(new Uri($"/v1/workspaces/{ws}/catalog", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, upserted.StatusCode);
        Assert.Contains("\"description\":\"White heart\"", await got.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("""{"version":1,"count":1}""", await info.Content.ReadAsStringAsync(Ct));
    }

    private static UpsertItemsRequest Upsert(string ws, params CatalogItem[] items)
    {
        var request = new UpsertItemsRequest { WorkspaceId = ws };
        request.Items.AddRange(items);
        return request;
    }

    private static CatalogItem Item(string id, double? price)
    {
        var item = new CatalogItem { ItemId = id, Title = $"Item {id}", Category = "Home > Kitchen" };
        if (price is { } p)
        {
            item.Price = p;
            item.Currency = "GBP";
        }

        return item;
    }
}
