using ActorSegments.Abstractions.Customers;
using ActorSegments.Content;
using ActorSegments.Domain.Schema;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Grpc;

/// <summary>Profile views to their protobuf messages.</summary>
internal static class ProfileMapping
{
    /// <summary>The profile, with <paramref name="cohortName"/> (the current name of its cohort) in the merge fields.</summary>
    public static CustomerProfile ToProto(CustomerProfileView profile, string? cohortName = null)
    {
        var proto = new CustomerProfile
        {
            WorkspaceId = profile.WorkspaceId,
            CustomerId = profile.CustomerId,
            TotalEvents = profile.TotalEvents,
            LifecycleStage = profile.Lifecycle,
            Cohort = profile.Cohort ?? string.Empty,
            Engagement = profile.Engagement,
            Rfm = profile.Rfm is { } rfm ? new Rfm
            {
                RecencyDays = rfm.RecencyDays,
                Frequency = rfm.Frequency,
                Monetary = rfm.Monetary,
                RecencyScore = rfm.RecencyScore,
                FrequencyScore = rfm.FrequencyScore,
                MonetaryScore = rfm.MonetaryScore,
            } : null,
            Cart = new Cart
            {
                Open = profile.Cart.Open,
                Value = profile.Cart.Value,
                Items = profile.Cart.Items,
                UpdatedAt = Time(profile.Cart.UpdatedAt),
            },
            FirstSeen = profile.TotalEvents > 0 ? Timestamp.FromDateTimeOffset(profile.FirstSeen) : null,
            LastSeen = profile.TotalEvents > 0 ? Timestamp.FromDateTimeOffset(profile.LastSeen) : null,
            NextChange = Time(profile.NextChange),
        };
        proto.EventTypes.AddRange(profile.EventTypes.Select(t => new Protos.V1.EventTypeSummary
        {
            Type = t.Type,
            Count = t.Count,
            FirstSeen = Timestamp.FromDateTimeOffset(t.FirstSeen),
            LastSeen = Timestamp.FromDateTimeOffset(t.LastSeen),
        }));
        foreach (var trait in profile.Traits)
        {
            proto.Traits[trait.Name] = ToValue(trait);
        }

        proto.LifecycleHistory.AddRange(profile.LifecycleHistory.Select(c => new LifecycleChange { Stage = c.Stage, From = c.From, At = Timestamp.FromDateTimeOffset(c.At) }));
        proto.Segments.AddRange(profile.Segments.Select(s => new SegmentMembership { SegmentId = s.SegmentId, Since = Timestamp.FromDateTimeOffset(s.Since) }));
        proto.Scores.Add(profile.Scores);
        proto.TopProducts.AddRange(profile.TopProducts);
        proto.TopCategories.AddRange(profile.TopCategories);
        proto.Recommendations.AddRange(profile.Recommendations);
        proto.RecommendationReasons.AddRange(profile.RecommendationReasons);
        proto.Experiments.Add(profile.Experiments);
        proto.MergeFields.Add(MergeFields.Of(profile, cohortName));
        return proto;
    }

    public static RuleTrace ToProto(RuleTraceView trace)
    {
        var proto = new RuleTrace
        {
            Condition = trace.Condition,
            Result = trace.Result,
            Value = trace.Value ?? string.Empty,
            NextChange = Time(trace.NextChange),
        };
        proto.Children.AddRange(trace.Children.Select(ToProto));
        return proto;
    }

    private static Value ToValue(TraitView trait) => trait.Type switch
    {
        DataType.Number => Value.ForNumber(trait.Number),
        DataType.Bool => Value.ForBool(trait.Number != 0),
        DataType.StringList => Value.ForList([.. (trait.List ?? []).Select(Value.ForString)]),
        _ => Value.ForString(trait.Text ?? string.Empty),
    };

    private static Timestamp? Time(DateTimeOffset? time) => time is { } t ? Timestamp.FromDateTimeOffset(t) : null;
}
