using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Grains.Modeling;
using ActorSegments.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Grains.Tests.Modeling;

/// <summary>
/// After an upgrade of the feature row, the stored model versions were trained on the old layout: a customer scoring
/// its new row with one would fail, so live scoring leaves them out until a version of the current layout is stored.
/// </summary>
public sealed class ScoringModelsLayoutTests
{
    /// <summary>A model whose payload is its width: the loader reads the width back.</summary>
    private sealed class WidthLoader : IScoringModelLoader
    {
        public IScoringModel Load(byte[] payload) => new Constant(BitConverter.ToInt32(payload));
    }

    private sealed class Constant(int width) : IScoringModel
    {
        public int Width => width;

        public double Score(ReadOnlySpan<float> features) => features.Length == width ? 0.5 : throw new ArgumentException("wrong width");
    }

    [Fact]
    public async Task AVersionOfAnotherFeatureLayout_IsNotUsedForLiveScoresAndTheNextOneIs()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var store = new InMemoryModelStore(clock);
        var services = new ServiceCollection().AddSingleton<IScoringModelLoader, WidthLoader>().BuildServiceProvider();
        var scoring = new ScoringModels(store, services, clock, Options.Create(new ModelingOptions()), NullLogger<ScoringModels>.Instance);
        var workspace = $"w-{Guid.NewGuid():N}";

        await store.AddAsync(workspace, ModelNames.Purchase30d, "propensity", "{}", BitConverter.GetBytes(CustomerFeatures.TabularCount), null, TestContext.Current.CancellationToken);
        await store.AddAsync(workspace, ModelNames.Churn60d, "propensity", "{}", BitConverter.GetBytes(CustomerFeatures.Count), null, TestContext.Current.CancellationToken);
        await scoring.ReloadAsync(workspace);

        Assert.Equal([ModelNames.Churn60d], scoring.Current(workspace).Select(m => m.Name));

        await store.AddAsync(workspace, ModelNames.Purchase30d, "propensity", "{}", BitConverter.GetBytes(CustomerFeatures.Count), null, TestContext.Current.CancellationToken);
        await scoring.ReloadAsync(workspace);

        var current = scoring.Current(workspace);
        Assert.Equal([ModelNames.Purchase30d, ModelNames.Churn60d], current.Select(m => m.Name));
        Assert.All(current, m => Assert.Equal(0.5, m.Model.Score(new float[CustomerFeatures.Count])));
    }
}
