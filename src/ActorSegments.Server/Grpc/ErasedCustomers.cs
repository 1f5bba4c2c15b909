using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Ingest for erased customer ids (docs/privacy.md): refused unless the request says a new customer may start, in
/// which case the id is taken off the suppression list and the records are stored.
/// </summary>
internal static class ErasedCustomers
{
    public const string Description = "this customer id was erased (DeleteCustomer); set restart_erased to start a new customer under it";

    /// <summary>
    /// Runs a customer call; when the id is erased and <paramref name="restart"/> allows it, lifts the suppression
    /// and runs it again. Null when the id is erased and not allowed.
    /// </summary>
    public static async Task<T?> CallAsync<T>(ICustomerGrain customer, bool restart, Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Failures.Find<CustomerErasedException>(ex) is not null)
        {
            if (!restart)
            {
                return null;
            }
        }

        await customer.RestartErasedAsync();
        return await call();
    }

    /// <summary>FAILED_PRECONDITION naming each refused field (google.rpc.BadRequest and PreconditionFailure details).</summary>
    public static RpcException Refused(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentOutOfRangeException.ThrowIfZero(violations.Count);
        var badRequest = new BadRequest();
        var precondition = new PreconditionFailure();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
            precondition.Violations.Add(new PreconditionFailure.Types.Violation { Type = "CUSTOMER_ERASED", Subject = violation.Field, Description = violation.Description });
        }

        var fields = string.Join(", ", violations.Select(v => v.Field));
        return new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = $"Erased customer id at {fields}: {Description}. Nothing of that customer was stored.",
            Details = { Any.Pack(badRequest), Any.Pack(precondition) },
        }.ToRpcException();
    }
}
