namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// A link was refused, nothing changed, because the id it would merge was itself merging another id into it at that
/// instant and the link's customer sorts after it (docs/identity.md, "Opposite links"). Unlike
/// <see cref="CustomerLinkRefusedException"/> this says "not now": the same request retried is applied, or answers that
/// the two ids are one customer already. <see cref="Field"/> names the request field at fault.
/// </summary>
[GenerateSerializer, Alias("actorsegments.customer-link-conflict")]
public sealed class CustomerLinkConflictException : Exception
{
    public CustomerLinkConflictException()
        : base("The link met another link in progress.")
    {
    }

    public CustomerLinkConflictException(string message)
        : base(message)
    {
    }

    public CustomerLinkConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)]
    public string Field { get; init; } = string.Empty;
}
