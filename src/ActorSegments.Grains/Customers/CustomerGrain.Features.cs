using ActorSegments.Domain.Features;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// The customer's feature row: computed from its state and handed to the silo's feature writer after each change of
/// behavior, and on request when a layout upgrade finds its stored row in an older layout.
/// </summary>
public sealed partial class CustomerGrain
{
    public Task<bool> RewriteFeaturesAsync()
    {
        ThrowIfBroken();
        if (_alias is not null || IgnoredAsErased())
        {
            return Task.FromResult(false);
        }

        // No state is changed: a dormant customer's is rebuilt from its compact form (as a wake-up does) only to read it.
        Awaken(client: false);
        var written = HasHistory;
        if (written)
        {
            var now = Now();
            WriteFeatures(now, ExtractFeatures(now));
        }

        SleepIfOnlyHousekeeping();
        return Task.FromResult(written);
    }

    private float[] ExtractFeatures(long now) => CustomerFeatures.Extract(State, _model, now);

    private void WriteFeatures(long now, float[] features) => featureWriter.Enqueue(_workspaceId, new FeatureRow(_customerId, now, features));
}
