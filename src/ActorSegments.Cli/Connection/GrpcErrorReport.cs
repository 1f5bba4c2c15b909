using System.Text;
using Google.Rpc;
using Grpc.Core;
using Spectre.Console;

namespace ActorSegments.Cli.Connection;

/// <summary>Turns a failed call into what an operator needs: the status, the server's message, every field at fault, an exit code.</summary>
internal static class GrpcErrorReport
{
    /// <summary>Prints the error and returns the exit code for it.</summary>
    public static int Write(IAnsiConsole console, RpcException error, string server)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        var code = error.StatusCode;
        var detail = code == StatusCode.Unavailable && error.Status.DebugException is { } cause
            ? $"cannot reach the server at {server} ({cause.Message})"
            : error.Status.Detail;
        console.MarkupLineInterpolated($"[red]error {WireName(code)}:[/] {detail}");
        foreach (var (field, description) in Violations(error))
        {
            console.MarkupLineInterpolated($"  [yellow]{field}[/]: {description}");
        }

        return ExitCode(code);
    }

    /// <summary>The google.rpc.BadRequest field violations carried in the status details, in order.</summary>
    public static IReadOnlyList<(string Field, string Description)> Violations(RpcException error) =>
        error?.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => (v.Field, v.Description)).ToList() ?? [];

    public static int ExitCode(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.AlreadyExists or StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.OutOfRange => ExitCodes.Rejected,
        StatusCode.NotFound => ExitCodes.NotFound,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.Denied,
        StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded => ExitCodes.Unavailable,
        _ => ExitCodes.Failed,
    };

    /// <summary>"NotFound" → "NOT_FOUND": the spelling the gRPC documentation and other clients use.</summary>
    public static string WireName(StatusCode code)
    {
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }
}
