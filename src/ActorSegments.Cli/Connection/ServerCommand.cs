using System.CommandLine;
using Grpc.Core;
using Spectre.Console;

namespace ActorSegments.Cli.Connection;

/// <summary>The shared shape of a command that calls the server: options, connection, and errors turned into exit codes.</summary>
internal static class ServerCommand
{
    /// <summary>Adds the server options to <paramref name="command"/> and runs <paramref name="body"/> with a connection.</summary>
    public static Command WithAction(
        this Command command,
        IAnsiConsole console,
        Func<ParseResult, ServerConnection, CancellationToken, Task<int>> body)
    {
        var options = new ServerOptions();
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(console, options.Resolve(parse), c => body(parse, c, cancellationToken)));
        return command;
    }

    public static async Task<int> RunAsync(IAnsiConsole console, ServerSettings settings, Func<ServerConnection, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(body);
        ServerConnection connection;
        try
        {
            connection = ServerConnection.Open(settings);
        }
        catch (UriFormatException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.Usage;
        }

        using (connection)
        {
            try
            {
                return await body(connection);
            }
            catch (RpcException ex)
            {
                return GrpcErrorReport.Write(console, ex, settings.Server);
            }
            catch (UsageException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return ExitCodes.Usage;
            }
        }
    }
}
