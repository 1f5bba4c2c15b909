using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>customers alias</c>: links an anonymous id into a known customer (docs/identity.md).</summary>
internal static class CustomerAliasCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var previous = new Option<string>("--previous") { Description = "The id that becomes an alias (the anonymous id)", Required = true };
        var customer = new Option<string>("--customer") { Description = "The id that survives (the known id)", Required = true };
        var link = new Option<string>("--link") { Description = "Link id: the same id makes a retry a duplicate", Required = true };
        var allowKnown = new Option<bool>("--allow-known-merge") { Description = "Allow merging two known customers (both had an identify call)" };
        return new Command("alias", "Link an anonymous id into a known customer: its history moves, later calls to it follow") { previous, customer, link, allowKnown }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var request = new AliasRequest
                {
                    WorkspaceId = connection.Workspace,
                    CustomerId = parse.GetRequiredValue(customer),
                    PreviousId = parse.GetRequiredValue(previous),
                    LinkId = parse.GetRequiredValue(link),
                    AllowKnownMerge = parse.GetValue(allowKnown),
                };
                // ABORTED: one of the ids was merging at that instant; the same link id is safe to send again.
                var response = await AbortedRetry.RunAsync(
                    async () => await connection.Ingest.AliasAsync(request, cancellationToken: cancellationToken), TimeProvider.System, cancellationToken);
                var outcome = response.Outcome == EventOutcome.Applied ? "linked" : "already linked";
                console.MarkupLineInterpolated($"{outcome}: {parse.GetRequiredValue(previous)} -> {response.CustomerId} ({response.MergedEvents} events moved)");
                return ExitCodes.Success;
            });
    }
}
