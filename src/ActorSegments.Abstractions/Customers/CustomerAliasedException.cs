namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// The customer called is an alias of <see cref="CustomerId"/> (docs/identity.md): nothing was done; the caller
/// repeats the call there. Thrown by the calls whose results cannot carry a redirect (identify, reads).
/// </summary>
[GenerateSerializer, Alias("actorsegments.customer-aliased")]
public sealed class CustomerAliasedException : Exception
{
    public CustomerAliasedException()
        : base("The customer is an alias of another customer.")
    {
    }

    public CustomerAliasedException(string customerId)
        : base($"The customer is an alias of '{customerId}'.")
    {
        CustomerId = customerId;
    }

    public CustomerAliasedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The customer to call instead.</summary>
    [Id(0)]
    public string CustomerId { get; init; } = string.Empty;
}
