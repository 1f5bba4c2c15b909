using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using Xunit;

namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>Rows and reads shared by the feature store tests.</summary>
public static class ModelingSamples
{
    /// <summary>A row whose values are hard to carry exactly: extremes, subnormals, negative zero, non-terminating fractions.</summary>
    public static FeatureRow Row(string customerId, long asOf, float seed) =>
        new(customerId, asOf, [seed, 1f / 3, float.MaxValue, float.Epsilon, -0f, -seed * 1e-30f, 16_777_215f, float.MinValue]);

    public static async Task<List<FeatureRow>> ReadAllAsync(IFeatureStore store, string workspaceId)
    {
        var rows = new List<FeatureRow>();
        await foreach (var row in store.ReadAllAsync(workspaceId, TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
