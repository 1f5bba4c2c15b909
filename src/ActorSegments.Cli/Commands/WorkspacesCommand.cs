using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>workspaces create|list</c>: creating one needs the bootstrap key.</summary>
internal static class WorkspacesCommand
{
    public static Command Create(IAnsiConsole console) => new("workspaces", "Manage workspaces (creating one needs the bootstrap key)")
    {
        CreateWorkspace(console),
        List(console),
    };

    private static Command CreateWorkspace(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Workspace id: lower-case letters, digits, '-' and '_'" };
        var name = new Option<string?>("--display-name") { Description = "A readable name (default: the id)" };
        return new Command("create", "Create a workspace") { id, name }.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var workspace = await connection.Admin.CreateWorkspaceAsync(
                new CreateWorkspaceRequest { WorkspaceId = parse.GetRequiredValue(id), DisplayName = parse.GetValue(name) ?? "" }, cancellationToken: cancellationToken);
            console.Write(Table([workspace]));
            return ExitCodes.Success;
        });
    }

    private static Command List(IAnsiConsole console) =>
        new Command("list", "The workspaces the key may see").WithAction(console, async (_, connection, cancellationToken) =>
        {
            var response = await connection.Admin.ListWorkspacesAsync(new ListWorkspacesRequest(), cancellationToken: cancellationToken);
            console.Write(Table(response.Workspaces));
            return ExitCodes.Success;
        });

    private static Table Table(IEnumerable<Workspace> workspaces)
    {
        var table = new Table().AddColumns("workspace", "name", "created");
        foreach (var workspace in workspaces)
        {
            table.AddRow(Markup.Escape(workspace.WorkspaceId), Markup.Escape(workspace.DisplayName), Formats.Time(workspace.CreatedAt));
        }

        return table;
    }
}
