using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary>
/// <c>customers show</c>, <c>customers explain</c> and <c>customers delete</c>: one customer's profile, why a segment
/// holds for them, and erasing them.
/// </summary>
internal static class CustomersCommand
{
    public static Command Create(IAnsiConsole console) => new("customers", "Read customer profiles, erase customers")
    {
        Show(console),
        Explain(console),
        CustomerAliasCommand.Create(console),
        Delete(console),
    };

    private static Command Show(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Customer id" };
        return new Command("show", "Profile: traits, RFM, lifecycle stage and history, segments, scores, cart, interests") { id }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var profile = await connection.Profiles.GetCustomerAsync(
                    new GetCustomerRequest { WorkspaceId = connection.Workspace, CustomerId = parse.GetRequiredValue(id) }, cancellationToken: cancellationToken);
                ProfileView.Write(console, profile);
                return ExitCodes.Success;
            });
    }

    private static Command Explain(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Customer id" };
        var segment = new Option<string>("--segment") { Description = "Segment id", Required = true };
        return new Command("explain", "Why a segment holds or not for a customer: every condition, its value, its next change") { id, segment }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var explanation = await connection.Profiles.ExplainSegmentAsync(
                    new ExplainSegmentRequest
                    {
                        WorkspaceId = connection.Workspace,
                        CustomerId = parse.GetRequiredValue(id),
                        SegmentId = parse.GetRequiredValue(segment),
                    },
                    cancellationToken: cancellationToken);
                TraceView.Write(console, explanation);
                return ExitCodes.Success;
            });
    }

    private static Command Delete(IAnsiConsole console)
    {
        var customer = new Option<string>("--customer", "-c") { Description = "Customer id to erase", Required = true };
        return new Command("delete", "Erase a customer (admin key): its data is deleted, its id redacted in the change feed and suppressed (docs/privacy.md)") { customer }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var erased = await connection.Profiles.DeleteCustomerAsync(
                    new DeleteCustomerRequest { WorkspaceId = connection.Workspace, CustomerId = parse.GetRequiredValue(customer) }, cancellationToken: cancellationToken);
                if (erased.Found)
                {
                    console.MarkupLineInterpolated($"Erased: left {erased.Exits.Count} segments, {erased.RemovedRows.Values.Sum()} rows removed or redacted.");
                }
                else
                {
                    var before = erased.AlreadyErased ? " (it was erased before)" : string.Empty;
                    console.MarkupLineInterpolated($"Nothing was stored under this id{before}; it is on the suppression list.");
                }

                foreach (var (table, rows) in erased.RemovedRows.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    console.MarkupLineInterpolated($"  {table}: {rows}");
                }

                console.MarkupLineInterpolated($"Id hash (audit log, suppression list): {erased.IdHash}");
                return ExitCodes.Success;
            });
    }
}
