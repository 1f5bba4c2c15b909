using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Time;
using static ActorSegments.Domain.Tests.Experiments.ExperimentSamples;

namespace ActorSegments.Domain.Tests.Experiments;

public sealed class CustomerExperimentsTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly long Assigned = UnixTime.Seconds(Start);
    private static readonly long Hour = OutcomeDelta.HourOf(Assigned);

    [Fact]
    public void Assign_Once_CountsTheCustomerInItsArm_AndASecondAssignmentIsIgnored()
    {
        var (experiments, compiled) = Set(CampaignTest());
        var customer = new CustomerExperiments();
        var deltas = new List<OutcomeDelta>();

        Assert.True(customer.Assign(compiled, "treatment", Assigned, deltas));
        Assert.False(customer.Assign(compiled, "holdout", Assigned + 10, deltas));

        Assert.Equal([OutcomeDelta.Assigned("spring_sale", "treatment", Assigned)], deltas);
        Assert.Equal(Assigned - (Assigned % 3_600), deltas[0].AssignedHour);
        Assert.Equal("treatment", customer.ArmOf("spring_sale"));
        Assert.Equal(1, experiments.Count);
    }

    [Fact]
    public void Apply_Conversion_CountsOnceInsideTheWindowOnly()
    {
        var (experiments, compiled) = Set(CampaignTest());
        var customer = Assign(compiled);
        var deltas = new List<OutcomeDelta>();

        customer.Apply(Purchase("before", Start.AddSeconds(-1), 10), experiments, Model, deltas);
        customer.Apply(Purchase("free", Start.AddDays(1), 0), experiments, Model, deltas); // filtered out: revenue > 0
        customer.Apply(Purchase("late", Start.AddDays(7), 10), experiments, Model, deltas); // the window is [0, 7 days)
        Assert.Empty(deltas);

        customer.Apply(Purchase("in", Start.AddDays(6.9), 10), experiments, Model, deltas);
        customer.Apply(Purchase("again", Start.AddDays(2), 10), experiments, Model, deltas);

        Assert.Equal([new OutcomeDelta("spring_sale", "treatment", "purchase_7d", Hour, 0, 1, 0, 0)], deltas);
        Assert.Equal(1, customer.Outcome("spring_sale", 0));
    }

    [Fact]
    public void Apply_Revenue_DeltasAddUpToTheCustomersSumAndItsSquare()
    {
        var (experiments, compiled) = Set(CampaignTest(Revenue30d));
        var customer = Assign(compiled);
        var deltas = new List<OutcomeDelta>();

        foreach (var (day, amount) in new[] { (1.0, 12.5), (3.0, 7.5), (29.0, 30.0), (31.0, 99.0) })
        {
            customer.Apply(Purchase($"p{day}", Start.AddDays(day), amount), experiments, Model, deltas);
        }

        Assert.Equal(50.0, deltas.Sum(d => d.Sum));
        Assert.Equal(2500.0, deltas.Sum(d => d.SumOfSquares), 9);
        Assert.Equal(50.0, customer.Outcome("spring_sale", 0));
    }

    [Fact]
    public void Apply_RetentionDay_CountsActivityInsideDayNOnce_AndNothingElse()
    {
        var (experiments, compiled) = Set(CampaignTest(Retention7));
        var customer = Assign(compiled);
        var deltas = new List<OutcomeDelta>();

        customer.Apply(View("day6", Start.AddDays(6.99)), experiments, Model, deltas);
        customer.Apply(EmailSent("not-activity", Start.AddDays(7.2)), experiments, Model, deltas);
        customer.Apply(View("day8", Start.AddDays(8)), experiments, Model, deltas);
        Assert.Empty(deltas);

        customer.Apply(View("day7", Start.AddDays(7.5)), experiments, Model, deltas);
        customer.Apply(View("day7-again", Start.AddDays(7.9)), experiments, Model, deltas);

        Assert.Equal([new OutcomeDelta("spring_sale", "treatment", "active_day_7", Hour, 0, 1, 0, 0)], deltas);
    }

    [Fact]
    public void Apply_AnyOrderOfArrival_GivesTheSameOutcomesAndTotalsAsTheEventsInTimeOrder()
    {
        var (experiments, compiled) = Set(CampaignTest(Purchase7d, Revenue30d, Retention7));
        var random = new Random(17);
        for (var trial = 0; trial < 200; trial++)
        {
            var events = Enumerable.Range(0, 12).Select(i => random.Next(3) switch
            {
                0 => Purchase($"p{i}", Start.AddHours(random.Next(-48, 40 * 24)), Math.Round(random.NextDouble() * 50, 2) * random.Next(2)),
                1 => View($"v{i}", Start.AddHours(random.Next(-48, 40 * 24))),
                _ => EmailSent($"e{i}", Start.AddHours(random.Next(-48, 40 * 24))),
            }).ToList();

            var inOrder = Totals(compiled, experiments, events.OrderBy(e => e.OccurredAt));
            var shuffled = Totals(compiled, experiments, events.OrderBy(_ => random.Next()));
            var reversed = Totals(compiled, experiments, events.OrderByDescending(e => e.OccurredAt));

            var expected = Direct(events);
            foreach (var measured in new[] { inOrder, shuffled, reversed })
            {
                Assert.Equal((expected.Conversions, expected.Retained), (measured.Conversions, measured.Retained));
                Assert.Equal(expected.Revenue, measured.Revenue, 1e-9);
                Assert.Equal(expected.RevenueSquared, measured.RevenueSquared, 1e-6);
            }
        }
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsAssignmentsOutcomesAndClosedDays()
    {
        var (experiments, compiled) = Set(CampaignTest(Purchase7d, Revenue30d, Retention7));
        var customer = Assign(compiled);
        var deltas = new List<OutcomeDelta>();
        customer.Apply(Purchase("p", Start.AddDays(1), 12.34), experiments, Model, deltas);
        customer.Apply(View("v", Start.AddDays(7.5)), experiments, Model, deltas);

        var copy = CustomerExperiments.Deserialize(customer.Serialize());

        Assert.Equal(customer.Assignments, copy.Assignments);
        Assert.Equal([1.0, 12.34, 1.0], Enumerable.Range(0, 3).Select(i => copy.Outcome("spring_sale", i)!.Value));
        var after = new List<OutcomeDelta>();
        copy.Apply(View("v2", Start.AddDays(7.6)), experiments, Model, after);
        Assert.Empty(after); // already counted before the copy
        Assert.Throws<InvalidDataException>(() => CustomerExperiments.Deserialize([.. customer.Serialize(), 7]));
        Assert.True(CustomerExperiments.Deserialize(new CustomerExperiments().Serialize()).IsEmpty);
    }

    [Fact]
    public void Apply_AnExperimentNoLongerRunning_IsLeftAsItWas()
    {
        var (_, compiled) = Set(CampaignTest());
        var customer = Assign(compiled);
        var deltas = new List<OutcomeDelta>();

        customer.Apply(Purchase("p", Start.AddDays(1), 10), ExperimentSet.Empty, Model, deltas);

        Assert.Empty(deltas);
        Assert.Equal(0, customer.Outcome("spring_sale", 0));
    }

    private static (ExperimentSet Set, CompiledExperiment Compiled) Set(ExperimentDefinition definition)
    {
        var compiled = Compile(definition);
        return (new ExperimentSet([compiled]), compiled);
    }

    private static CustomerExperiments Assign(CompiledExperiment compiled)
    {
        var customer = new CustomerExperiments();
        customer.Assign(compiled, "treatment", Assigned, []);
        return customer;
    }

    private static (long Conversions, double Revenue, double RevenueSquared, long Retained) Totals(
        CompiledExperiment compiled, ExperimentSet experiments, IEnumerable<CustomerEvent> events)
    {
        var customer = Assign(compiled);
        var deltas = new List<OutcomeDelta>();
        foreach (var evt in events)
        {
            customer.Apply(evt, experiments, Model, deltas);
        }

        return (
            deltas.Where(d => d.Metric == "purchase_7d").Sum(d => d.Conversions),
            deltas.Where(d => d.Metric == "revenue_30d").Sum(d => d.Sum),
            deltas.Where(d => d.Metric == "revenue_30d").Sum(d => d.SumOfSquares),
            deltas.Where(d => d.Metric == "active_day_7").Sum(d => d.Conversions));
    }

    // The definitions applied by hand to the whole list of events.
    private static (long Conversions, double Revenue, double RevenueSquared, long Retained) Direct(List<CustomerEvent> events)
    {
        double Offset(CustomerEvent e) => (e.OccurredAt - Start).TotalDays;
        var converted = events.Any(e => e.Type == "purchase" && e.Properties["revenue"].Number > 0 && Offset(e) is >= 0 and < 7);
        var revenue = events.Where(e => e.Type == "purchase" && Offset(e) is >= 0 and < 30).Sum(e => e.Properties["revenue"].Number);
        var retained = events.Any(e => e.Type != "email_sent" && Offset(e) is >= 7 and < 8);
        return (converted ? 1 : 0, revenue, revenue * revenue, retained ? 1 : 0);
    }
}
