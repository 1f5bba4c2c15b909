namespace ActorSegments.Domain.Storage;

/// <summary>
/// The stored wake-up times of customers (written with their commits). Silos claim due ones to wake the customers;
/// a claim hides a customer from other sweeps for a while, and the customer's next commit replaces its wake-up (and
/// the claim), so a customer that could not be woken is claimed again once the claim lapses.
/// </summary>
public interface IWakeUpSchedule
{
    /// <summary>Claims up to <paramref name="limit"/> customers due at <paramref name="now"/> (Unix seconds), earliest first.</summary>
    Task<IReadOnlyList<DueWakeUp>> ClaimDueAsync(long now, int limit, TimeSpan claimFor, CancellationToken cancellationToken = default);
}
