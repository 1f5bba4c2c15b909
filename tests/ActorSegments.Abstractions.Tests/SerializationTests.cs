using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace ActorSegments.Abstractions.Tests;

public sealed class SerializationTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ICustomerGrain).Assembly))
        .BuildServiceProvider();

    private static readonly DateTimeOffset At = new(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);

    [Fact]
    public void CustomerEvent_RoundTripsThroughTheOrleansSerializer()
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var evt = new CustomerEvent("e-1", "purchase", At, new Dictionary<string, PropertyValue>
        {
            ["revenue"] = PropertyValue.Of(129.9),
            ["category"] = PropertyValue.Of("Smartphones"),
            ["gift"] = PropertyValue.Of(true),
        });

        var copy = serializer.Deserialize<CustomerEvent>(serializer.SerializeToArray(evt))!;

        Assert.Equal(evt.EventId, copy.EventId);
        Assert.Equal(evt.Type, copy.Type);
        Assert.Equal(evt.OccurredAt, copy.OccurredAt);
        Assert.Equal(evt.Properties.OrderBy(p => p.Key), copy.Properties.OrderBy(p => p.Key));
    }

    [Fact]
    public void CustomerEvent_WithoutProperties_RoundTripsToEmptyProperties()
    {
        var serializer = Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<CustomerEvent>(serializer.SerializeToArray(new CustomerEvent("e", "x", At, CustomerEvent.NoProperties)))!;

        Assert.Empty(copy.Properties);
    }

    [Fact]
    public void CustomerEvent_IsNotDeepCopiedBetweenGrains()
    {
        var copier = Services.GetRequiredService<DeepCopier>();
        var evt = new CustomerEvent("e", "x", At, CustomerEvent.NoProperties);

        Assert.Same(evt, copier.Copy(evt));
    }

    [Fact]
    public void TrackResult_And_Profile_RoundTrip()
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var profile = new CustomerProfileView("acme", "1", 3, [new EventTypeSummary("purchase", 3, At, At.AddDays(1))]);

        var copy = serializer.Deserialize<CustomerProfileView>(serializer.SerializeToArray(profile))!;

        Assert.Equal(profile.TotalEvents, copy.TotalEvents);
        Assert.Equal(profile.EventTypes, copy.EventTypes);
        Assert.Equal(new TrackResult(2, 1), serializer.Deserialize<TrackResult>(serializer.SerializeToArray(new TrackResult(2, 1))));
    }

    [Fact]
    public void ModelOutput_WithRecommendationReasons_RoundTripsThroughTheOrleansSerializer()
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var output = new ModelOutput("recs-3", At) { Recommendations = ["p-1", "p-2"], RecommendationReasons = ["similar to JUMBO BAG RED RETROSPOT you viewed", ""] };
        var plain = new ModelOutput("recs-4", At) { Recommendations = ["p-1"] };

        Assert.Equal(output, serializer.Deserialize<ModelOutput>(serializer.SerializeToArray(output)));
        Assert.Null(serializer.Deserialize<ModelOutput>(serializer.SerializeToArray(plain))!.RecommendationReasons);
    }

    [Fact]
    public void Profile_RecommendationReasons_RoundTrip()
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var profile = new CustomerProfileView("acme", "1", 3, []) { Recommendations = ["p-1", "p-2"], RecommendationReasons = ["popular now", ""] };

        var copy = serializer.Deserialize<CustomerProfileView>(serializer.SerializeToArray(profile))!;

        Assert.Equal(["popular now", ""], copy.RecommendationReasons);
    }
}
