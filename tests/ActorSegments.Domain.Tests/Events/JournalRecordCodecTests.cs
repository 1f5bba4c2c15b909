using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Schema;
using CsCheck;

namespace ActorSegments.Domain.Tests.Events;

/// <summary>
/// Every kind of journal record round-trips exactly through format 2, and the bodies the previous release wrote
/// (format 1, trait updates and model outputs as pseudo-events) come back as the typed records they stood for.
/// </summary>
public sealed class JournalRecordCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 30, 15, TimeSpan.Zero);

    private static readonly Gen<TraitValue?> TraitValues = Gen.OneOf<TraitValue?>(
        Gen.Bool.Select(_ => (TraitValue?)null),
        Gen.String.Select(t => (TraitValue?)TraitValue.Of(t)),
        Gen.Double.Where(d => !double.IsNaN(d)).Select(d => (TraitValue?)TraitValue.Of(d)),
        Gen.Bool.Select(b => (TraitValue?)TraitValue.Of(b)),
        Gen.Long[-62_135_596_800, 253_402_300_799].Select(s => (TraitValue?)TraitValue.OfTimestamp(s)),
        Gen.String.Array[0, 5].Select(items => (TraitValue?)TraitValue.Of(items)));

    private static readonly Gen<TraitUpdate> TraitUpdates = Gen.Select(
        Gen.String[1, 64],
        Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks],
        Gen.Dictionary(Gen.String[1, 16], TraitValues)[0, 8],
        (id, ticks, traits) => new TraitUpdate(id, new DateTimeOffset(ticks, TimeSpan.Zero), traits));

    private static readonly Gen<ModelOutput> ModelOutputs = Gen.Select(
        Gen.String[1, 64],
        Gen.Int[0, 2],
        Gen.Dictionary(Gen.String[1, 16], Gen.Double.Where(d => !double.IsNaN(d)).Select(d => (double?)d))[0, 4],
        Gen.Int[0, 4],
        Gen.String.Array[0, 4],
        (id, cohort, scores, removed, recommendations) =>
        {
            // Some scores removed; recommendations left alone when there are none to set.
            var output = new ModelOutput(id, At)
            {
                Scores = [.. scores.Select((s, i) => i < removed ? new KeyValuePair<string, double?>(s.Key, null) : s)],
                Recommendations = recommendations.Length == 0 ? null : recommendations,
            };
            return cohort switch { 0 => output, 1 => output with { Cohort = null }, _ => output with { Cohort = "cohort-3" } };
        });

    private static readonly Gen<ExperimentAssignment> Assignments = Gen.Select(
        Gen.String[1, 64],
        Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks],
        Gen.String[1, 64],
        Gen.String[1, 32],
        (id, ticks, experiment, arm) => new ExperimentAssignment(id, new DateTimeOffset(ticks, TimeSpan.Zero), experiment, arm));

    [Fact]
    public void TraitUpdate_RoundTripsExactly()
    {
        TraitUpdates.Sample(update => Assert.Equal(update, JournalRecordCodec.Deserialize(JournalRecordCodec.Serialize(update))), iter: 2000);
    }

    [Fact]
    public void ModelOutput_RoundTripsExactly()
    {
        ModelOutputs.Sample(output => Assert.Equal(output, JournalRecordCodec.Deserialize(JournalRecordCodec.Serialize(output))), iter: 2000);
    }

    [Fact]
    public void ExperimentAssignment_RoundTripsExactly()
    {
        Assignments.Sample(assignment => Assert.Equal(assignment, JournalRecordCodec.Deserialize(JournalRecordCodec.Serialize(assignment))), iter: 2000);
    }

    [Fact]
    public void ExperimentAssignment_Body_IsVersionKindIdTimeExperimentArm()
    {
        var bytes = JournalRecordCodec.Serialize(ExperimentAssignment.For("s", "b", DateTimeOffset.UnixEpoch));

        // Strings are a length and UTF-8 bytes; the Unix epoch is 621355968000000000 ticks as a zigzag varint.
        Assert.Equal("0203" + "092461737369676E3A73" + "8080ACFBBEFDBF9F11" + "0173" + "0162", Convert.ToHexString(bytes));
    }

    [Fact]
    public void ModelOutput_ClearingCohortAndRecommendations_RoundTripsAsClearing()
    {
        var cleared = new ModelOutput("m1", At) { Cohort = null, Recommendations = [] };

        var copy = Assert.IsType<ModelOutput>(JournalRecordCodec.Deserialize(JournalRecordCodec.Serialize(cleared)));

        Assert.Equal((true, null, 0), (copy.SetsCohort, copy.Cohort, copy.Recommendations?.Count));
    }

    [Fact]
    public void Serialize_EveryKind_WritesFormatTwoWithItsKindTag()
    {
        var records = new JournalRecord[]
        {
            new CustomerEvent("e1", "purchase", At, CustomerEvent.NoProperties),
            new TraitUpdate("u1", At, [new("plan", TraitValue.Of("gold"))]),
            new ModelOutput("m1", At) { Cohort = "c1" },
            ExperimentAssignment.For("spring_sale", "treatment", At),
        };

        Assert.Equal(
            [(2, 0), (2, 1), (2, 2), (2, 3)],
            records.Select(JournalRecordCodec.Serialize).Select(b => ((int)b[0], (int)b[1])));
    }

    [Fact]
    public void Deserialize_TruncatedOrUnknownKindOrFlags_IsRejectedAsInvalidData()
    {
        var output = JournalRecordCodec.Serialize(new ModelOutput("m1", At) { Cohort = "c1", Scores = [new("s", 0.5), new("t", null)], Recommendations = ["p1"] });
        var traits = JournalRecordCodec.Serialize(new TraitUpdate("u1", At, [new("a", TraitValue.Of(["x"])), new("b", null), new("c", TraitValue.OfTimestamp(5))]));
        var assignment = JournalRecordCodec.Serialize(ExperimentAssignment.For("spring_sale", "treatment", At));

        foreach (var bytes in new[] { output, traits, assignment })
        {
            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize(bytes.AsSpan(0, length)));
            }
        }

        var unknown = Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize([2, 5, .. output[2..]]));
        Assert.Equal("Journal record has unknown kind 5.", unknown.Message);
        Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize([.. assignment, 0]));
        var bare = JournalRecordCodec.Serialize(new ModelOutput("m1", At)); // ends with the flags and a score count of 0
        bare[^2] = 8;
        Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize(bare));
    }

    [Fact]
    public void Deserialize_ReleaseTraitUpdate_BecomesTheTypedUpdate_WithRemovalsAndLists()
    {
        KeyValuePair<string, TraitValue?>[] traits =
        [
            new("plan", TraitValue.Of("gold")),
            new("lifetime_orders", TraitValue.Of(14.5)),
            new("vip", TraitValue.Of(true)),
            new("interests", TraitValue.Of(["running", "photography"])),
            new("no_items", TraitValue.Of(Array.Empty<string>())),
            new("old_email", null),
        ];
        var body = ReleaseJournalEncoder.Serialize(ReleaseJournalEncoder.Identify("identify-7", At, traits));

        var record = JournalRecordCodec.Deserialize(body);

        Assert.Equal(new TraitUpdate("identify-7", At, traits), record);
        Assert.Null(Assert.IsType<TraitUpdate>(record).Traits.Single(t => t.Key == "old_email").Value);
    }

    [Fact]
    public void Deserialize_ReleaseTimestampTrait_IsTextTheStateReadsAsTheDeclaredTimestamp()
    {
        var signedUp = new DateTimeOffset(2025, 11, 1, 10, 0, 0, TimeSpan.Zero);
        var body = ReleaseJournalEncoder.Serialize(ReleaseJournalEncoder.Identify("identify-8", At, [new("signed_up", TraitValue.Of(signedUp))]));
        var model = new BehaviorModel(new WorkspaceSchema(WorkspaceSchema.Commerce.EventTypes, [new TraitDefinition("signed_up", DataType.Timestamp)]), BehaviorSettings.Default);
        var state = new CustomerState();

        state.ApplyRecorded(JournalRecordCodec.Deserialize(body), model, At.ToUnixTimeSeconds(), []);

        Assert.Equal(TraitValue.Of(signedUp), state.Traits["signed_up"]);
    }

    [Fact]
    public void Deserialize_ReleaseModelOutputs_BecomeTheTypedOutputs_WithClearedCohortRemovedScoreAndClearedList()
    {
        var set = ReleaseJournalEncoder.Serialize(ReleaseJournalEncoder.Model("run-1", At, cohort: "cohort-2", scores: [new("purchase_30d", 0.91), new("churn_60d", null)], recommendations: ["p-2", "p-9"]));
        var cleared = ReleaseJournalEncoder.Serialize(ReleaseJournalEncoder.Model("run-2", At, cohort: string.Empty, recommendations: []));
        var scoreOnly = ReleaseJournalEncoder.Serialize(ReleaseJournalEncoder.Model("$score:12", At, scores: [new("purchase_30d", 0.4)]));

        Assert.Equal(
            new ModelOutput("run-1", At) { Cohort = "cohort-2", Scores = [new("purchase_30d", 0.91), new("churn_60d", null)], Recommendations = ["p-2", "p-9"] },
            JournalRecordCodec.Deserialize(set));
        Assert.Equal(new ModelOutput("run-2", At) { Cohort = null, Recommendations = [] }, JournalRecordCodec.Deserialize(cleared));
        var untouched = Assert.IsType<ModelOutput>(JournalRecordCodec.Deserialize(scoreOnly));
        Assert.Equal((false, null), (untouched.SetsCohort, untouched.Recommendations));
    }

    [Fact]
    public void Deserialize_ReleaseBehavioralEvent_IsTheSameEvent()
    {
        var evt = new CustomerEvent("order-1", "purchase", At, new Dictionary<string, PropertyValue>
        {
            ["revenue"] = PropertyValue.Of(129.9),
            ["category"] = PropertyValue.Of("Smartphones"),
            ["gift"] = PropertyValue.Of(false),
        });

        var copy = Assert.IsType<CustomerEvent>(JournalRecordCodec.Deserialize(ReleaseJournalEncoder.Serialize(evt)));

        Assert.Equal((evt.EventId, evt.Type, evt.OccurredAt), (copy.EventId, copy.Type, copy.OccurredAt));
        Assert.Equal(evt.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), copy.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Deserialize_ReleaseBodyFixture_IsTheTraitUpdateItRecorded()
    {
        // A body as the release wrote it, pinned as bytes so a change to the shared writer cannot move both sides.
        var body = Convert.FromHexString(ReleaseTraitBody);

        Assert.Equal(ReleaseTraitBody, Convert.ToHexString(ReleaseJournalEncoder.Serialize(ReleaseJournalEncoder.Identify("identify-1", At, [new("plan", TraitValue.Of("gold")), new("tags", TraitValue.Of(["a", "b"])), new("gone", null)]))));
        Assert.Equal(
            new TraitUpdate("identify-1", At, [new("gone", null), new("plan", TraitValue.Of("gold")), new("tags", TraitValue.Of(["a", "b"]))]),
            JournalRecordCodec.Deserialize(body));
    }

    [Fact]
    public void Deserialize_ReleaseModelBodyFixture_IsTheModelOutputItRecorded()
    {
        var body = Convert.FromHexString(ReleaseModelBody);

        Assert.Equal(ReleaseModelBody, Convert.ToHexString(ReleaseJournalEncoder.Serialize(ReleaseJournalEncoder.Model("cohort-run-1", At, cohort: "cohort-2", scores: [new("purchase_30d", 0.5)]))));
        Assert.Equal(new ModelOutput("cohort-run-1", At) { Cohort = "cohort-2", Scores = [new("purchase_30d", 0.5)] }, JournalRecordCodec.Deserialize(body));
    }

    // The same bytes as ActorSegments.Testing's ReleaseJournalBodies, which the PostgreSQL and upgrade tests insert.
    private const string ReleaseModelBody = "010C636F686F72742D72756E2D3106246D6F64656C8096F9A5C9E3BBDE110206636F686F72740108636F686F72742D321273636F72652E70757263686173655F33306402C801";

    private const string ReleaseTraitBody = "010A6964656E746966792D3109246964656E746966798096F9A5C9E3BBDE110304706C616E0104676F6C64047461677301041E611F6204676F6E65010100";
}
