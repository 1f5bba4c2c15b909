using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>The Alias call: links a previous id into a customer (docs/identity.md).</summary>
internal sealed partial class IngestGrpcService
{
    public override async Task<AliasResponse> Alias(Protos.V1.AliasRequest request, ServerCallContext context)
    {
        using var admitted = admission.Admit(1, context);
        CheckAlias(request);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Ingest);
        var link = new Abstractions.Customers.AliasRequest(request.LinkId, request.PreviousId, request.AllowKnownMerge, time.GetUtcNow());
        var customerId = request.CustomerId;
        for (var hop = 0; ; hop++)
        {
            AliasResult result;
            try
            {
                result = await grains.GetCustomer(request.WorkspaceId, customerId).MergeAsync(link);
            }
            catch (Exception ex) when (Failures.Find<CustomerLinkRefusedException>(ex) is { } refused)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{refused.Message} Nothing was changed."));
            }
            catch (Exception ex) when (Failures.Find<CustomerLinkConflictException>(ex) is { } conflict)
            {
                throw new RpcException(new Status(StatusCode.Aborted, $"{conflict.Message} Nothing was changed; retry with the same link_id."));
            }

            if (result.RedirectTo is not { } next)
            {
                return new AliasResponse
                {
                    Outcome = result.Applied ? EventOutcome.Applied : EventOutcome.Duplicate,
                    CustomerId = result.CustomerId,
                    MergedEvents = result.MergedEvents,
                };
            }

            if (hop >= _identity.MaxHops)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    $"customer_id '{request.CustomerId}' is still an alias after {_identity.MaxHops} links (ActorSegments:Identity:MaxHops); nothing was changed."));
            }

            customerId = next; // customer_id was linked into another customer: that one survives
        }
    }

    private void CheckAlias(Protos.V1.AliasRequest request)
    {
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("workspace_id", Identifiers.CheckWorkspaceId(request.WorkspaceId, _limits.MaxWorkspaceIdLength));
        violations.AddIfProblem("customer_id", Identifiers.CheckOpaqueId(request.CustomerId, _limits.MaxCustomerIdLength));
        violations.AddIfProblem("previous_id", Identifiers.CheckOpaqueId(request.PreviousId, _limits.MaxCustomerIdLength));
        violations.AddIfProblem("link_id", Identifiers.CheckOpaqueId(request.LinkId, _limits.MaxEventIdLength));
        if (violations.Count == 0 && string.Equals(request.PreviousId, request.CustomerId, StringComparison.Ordinal))
        {
            violations.Add(new FieldViolation("previous_id", $"must differ from customer_id (both are \"{Identifiers.Shorten(request.CustomerId)}\")"));
        }

        if (violations.Count > 0)
        {
            throw InvalidArgument.Create(violations);
        }
    }
}
