namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// A customer could not make a request durable, so nothing of it is acknowledged; retrying with the same event ids
/// is safe. <see cref="Overloaded"/> says the journal refused new work (back off before retrying) rather than failed.
/// </summary>
[GenerateSerializer, Alias("actorsegments.events-not-stored")]
public sealed class EventsNotStoredException : Exception
{
    public EventsNotStoredException()
        : base("The events were not stored.")
    {
    }

    public EventsNotStoredException(string message)
        : base(message)
    {
    }

    public EventsNotStoredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)]
    public bool Overloaded { get; init; }
}
