namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// The customer id was erased (DeleteCustomer) and is on the suppression list: nothing is recorded under it unless
/// the caller says a new customer may start (<see cref="ICustomerGrain.RestartErasedAsync"/>).
/// </summary>
[GenerateSerializer, Alias("actorsegments.customer-erased")]
public sealed class CustomerErasedException : Exception
{
    public CustomerErasedException()
        : base("The customer id was erased.")
    {
    }

    public CustomerErasedException(string message)
        : base(message)
    {
    }

    public CustomerErasedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
