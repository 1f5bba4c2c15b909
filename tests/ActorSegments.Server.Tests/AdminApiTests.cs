using System.Text.Json.Nodes;
using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>Workspaces and the workspace schema over a real channel.</summary>
public sealed class AdminApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task Workspaces_AreCreatedOnceAndListedInOrder()
    {
        var id = $"adm-{Guid.NewGuid():N}"[..16];
        var created = await Server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = id, DisplayName = "Admin test" }, cancellationToken: Ct);
        var again = await Assert.ThrowsAsync<RpcException>(() => Server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = id }, cancellationToken: Ct).ResponseAsync);
        var badId = await Assert.ThrowsAsync<RpcException>(() => Server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = "Not Valid" }, cancellationToken: Ct).ResponseAsync);
        var listed = await Server.Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: Ct);

        Assert.Equal("Admin test", created.DisplayName);
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal(["workspace_id"], GrpcErrors.ViolatedFields(badId));
        Assert.Contains(id, listed.Workspaces.Select(w => w.WorkspaceId));
        Assert.Equal(listed.Workspaces.Select(w => w.WorkspaceId).Order(StringComparer.Ordinal), listed.Workspaces.Select(w => w.WorkspaceId));
    }

    [Fact]
    public async Task TheSchema_ReadsAsTheCommerceDefaultAndTakesANewEventTypeThatRulesCanThenUse()
    {
        var ws = $"sch-{Guid.NewGuid():N}"[..16];
        var schema = await Server.Admin.GetSchemaAsync(new GetSchemaRequest { WorkspaceId = ws }, cancellationToken: Ct);
        var document = JsonNode.Parse(schema.SchemaJson)!;
        var eventTypes = document["event_types"]!.AsArray();
        eventTypes.Add(new JsonObject { ["name"] = "webinar_attended", ["properties"] = new JsonArray(new JsonObject { ["name"] = "topic", ["type"] = "string", ["tracked"] = true }) });

        var refusedRule = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "webinar-ai", Rule = "did(webinar_attended where topic = \"ai\")" }, cancellationToken: Ct).ResponseAsync);
        var saved = await Server.Admin.PutSchemaAsync(new PutSchemaRequest { WorkspaceId = ws, SchemaJson = document.ToJsonString() }, cancellationToken: Ct);
        var created = await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "webinar-ai", Rule = "did(webinar_attended where topic = \"ai\")" }, cancellationToken: Ct);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Server.Admin.PutSchemaAsync(new PutSchemaRequest { WorkspaceId = ws, SchemaJson = "{\"event_types\": 3}" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refusedRule.StatusCode);
        Assert.Contains("webinar_attended", saved.SchemaJson, StringComparison.Ordinal);
        Assert.Equal(1, created.Version);
        Assert.Equal(["schema_json"], GrpcErrors.ViolatedFields(malformed));
        Assert.Contains("$.event_types", malformed.Status.Detail, StringComparison.Ordinal);
    }
}
