namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// A link of two ids was refused before anything changed (docs/identity.md): it would merge two known customers
/// without leave, exceed the alias limit, or follow too long a chain. <see cref="Field"/> names the request field or
/// setting at fault; <see cref="LimitReached"/> tells the alias limit from the others.
/// </summary>
[GenerateSerializer, Alias("actorsegments.customer-link-refused")]
public sealed class CustomerLinkRefusedException : Exception
{
    public CustomerLinkRefusedException()
        : base("The link was refused.")
    {
    }

    public CustomerLinkRefusedException(string message)
        : base(message)
    {
    }

    public CustomerLinkRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)]
    public string Field { get; init; } = string.Empty;

    [Id(1)]
    public bool LimitReached { get; init; }
}
