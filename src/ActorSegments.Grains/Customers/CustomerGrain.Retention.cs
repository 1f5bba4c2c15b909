namespace ActorSegments.Grains.Customers;

/// <summary>
/// Journal retention (docs/privacy.md): the retention pass deletes old entries only once the customer's snapshot
/// includes them, and asks customers whose snapshot does not for one.
/// </summary>
public sealed partial class CustomerGrain
{
    public async Task SnapshotAsync()
    {
        ThrowIfBroken();
        if (IgnoredAsErased())
        {
            return;
        }

        Awaken(client: false);
        await journal.SaveSnapshotAsync(_workspaceId, _customerId, new Domain.Storage.StoredSnapshot(_sequence, SerializeSnapshot()));
        (_sinceSnapshot, _snapshotAt) = (0, Now());
        SleepIfOnlyHousekeeping();
    }
}
