using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>keys create|list|revoke</c>: the workspace's API keys.</summary>
internal static class KeysCommand
{
    public static Command Create(IAnsiConsole console) => new("keys", "Manage the workspace's API keys (needs an admin key)")
    {
        CreateKey(console),
        List(console),
        Revoke(console),
    };

    private static Command CreateKey(IAnsiConsole console)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. checkout-service", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated: ingest, read, admin", Required = true };
        return new Command("create", "Create a key; its secret is shown once") { name, scopes }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var request = new CreateApiKeyRequest { WorkspaceId = connection.Workspace, Name = parse.GetRequiredValue(name) };
            request.Scopes.AddRange(parse.GetRequiredValue(scopes).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var created = await connection.Admin.CreateApiKeyAsync(request, cancellationToken: cancellationToken);
            console.Write(Table([created.Key]));
            console.MarkupLine("secret (shown only now; send it as 'authorization: Bearer <secret>'):");
            console.WriteLine(created.Secret);
            return ExitCodes.Success;
        });
    }

    private static Command List(IAnsiConsole console) =>
        new Command("list", "The workspace's keys, newest first (no secrets)").WithAction(console, async (_, connection, cancellationToken) =>
        {
            var keys = await connection.Admin.ListApiKeysAsync(new ListApiKeysRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
            Listing.Write(console, Table(keys.Keys), "No keys in this workspace: create one with [bold]keys create --name NAME --scopes SCOPE[/].");
            return ExitCodes.Success;
        });

    private static Command Revoke(IAnsiConsole console)
    {
        var id = new Argument<string>("key-id") { Description = "The key's id (from keys list)" };
        return new Command("revoke", "Revoke a key; every server refuses it within seconds") { id }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var keyId = parse.GetRequiredValue(id);
            await connection.Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { WorkspaceId = connection.Workspace, KeyId = keyId }, cancellationToken: cancellationToken);
            console.MarkupLineInterpolated($"revoked [bold]{keyId}[/]");
            return ExitCodes.Success;
        });
    }

    private static Table Table(IEnumerable<ApiKey> keys)
    {
        var table = new Table().AddColumns("key id", "name", "scopes", "created", "revoked");
        foreach (var key in keys)
        {
            table.AddRow(Markup.Escape(key.KeyId), Markup.Escape(key.Name), Markup.Escape(string.Join(",", key.Scopes)), Formats.Time(key.CreatedAt), Formats.Time(key.RevokedAt));
        }

        return table;
    }
}
