namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// References to customer grains without the per-call type lookup of <c>GetGrain&lt;ICustomerGrain&gt;(key)</c>.
/// </summary>
/// <remarks>
/// The generic lookup resolves the interface's Orleans type from its attributes by reflection on every call; ingest
/// asks for one reference per customer per request, where that lookup cost more CPU than applying the event. The grain
/// type and interface type are fixed at build time, so they are resolved once per process and reused.
/// </remarks>
public static class CustomerGrainReferences
{
    private static (GrainType Grain, GrainInterfaceType Interface)? s_types;

    public static ICustomerGrain GetCustomer(this IGrainFactory grains, string workspaceId, string customerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var key = CustomerGrainKey.Format(workspaceId, customerId);
        if (s_types is not { } types)
        {
            var first = grains.GetGrain<ICustomerGrain>(key);
            var reference = (GrainReference)(object)first;
            s_types = (reference.GrainId.Type, reference.InterfaceType);
            return first;
        }

        return (ICustomerGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }
}
