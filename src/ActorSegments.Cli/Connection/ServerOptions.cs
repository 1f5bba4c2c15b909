using System.CommandLine;

namespace ActorSegments.Cli.Connection;

/// <summary>
/// The options every server command takes (<c>--server</c>, <c>--api-key</c>, <c>--workspace</c>), each falling back
/// to an environment variable so a shell session configures them once.
/// </summary>
internal sealed class ServerOptions
{
    public const string ServerVariable = "ACTORSEGMENTS_SERVER";
    public const string ApiKeyVariable = "ACTORSEGMENTS_API_KEY";
    public const string WorkspaceVariable = "ACTORSEGMENTS_WORKSPACE";
    public const string DefaultServer = "http://127.0.0.1:5000";
    public const string DefaultWorkspace = "demo";

    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = $"gRPC address of the server (default: ${ServerVariable}, else {DefaultServer})",
    };

    public Option<string?> ApiKey { get; } = new("--api-key", "-k")
    {
        Description = $"API key sent as 'authorization: Bearer <key>' (default: ${ApiKeyVariable}; none in open dev mode)",
    };

    public Option<string?> Workspace { get; } = new("--workspace", "-w")
    {
        Description = $"Workspace id (default: ${WorkspaceVariable}, else {DefaultWorkspace})",
    };

    /// <summary>Adds the options to <paramref name="command"/>; returns it for chaining.</summary>
    public Command AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
        command.Options.Add(Workspace);
        return command;
    }

    /// <summary>The settings of one invocation: option, else environment variable, else default.</summary>
    public ServerSettings Resolve(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ServerSettings(
            Pick(parse.GetValue(Server), ServerVariable) ?? DefaultServer,
            Pick(parse.GetValue(ApiKey), ApiKeyVariable),
            Pick(parse.GetValue(Workspace), WorkspaceVariable) ?? DefaultWorkspace);
    }

    private static string? Pick(string? option, string variable)
    {
        var value = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable(variable) : option;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

/// <summary>Where to connect, with which key, for which workspace.</summary>
internal sealed record ServerSettings(string Server, string? ApiKey, string Workspace);
