using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Ast;

namespace ActorSegments.Domain.Tests.Rules.Oracle;

/// <summary>Random rules over the commerce schema, built as syntax trees (the formatter turns them into text).</summary>
internal sealed class RandomRules(Random random, long now)
{
    private const long Hour = 3600;
    private const long Day = 86_400;

    // Windows at and around every tier boundary of the precision contract.
    private static readonly long[] Windows = [60, Hour, 47 * Hour, 48 * Hour, (48 * Hour) + 1, 3 * Day, 7 * Day, 10 * Day, 30 * Day, 35 * Day, 36 * Day, 90 * Day, 100 * Day, 101 * Day, 200 * Day, 400 * Day];
    private static readonly string[] Types = ["product_viewed", "cart_added", "purchase", "page_viewed"];
    private static readonly string[] Categories = ["Audio", "Cameras", "Home"];

    private static readonly string[] Stages = ["new_visitor", "engaged_prospect", "first_time_buyer", "repeat_buyer", "at_risk", "lapsed", "re_engaged"];

    /// <summary>The experiments and arms derived rules read (see <see cref="ExperimentCondition"/>).</summary>
    public static readonly string[] Experiments = ["spring_sale", "summer_sale"];

    public static readonly string[] Arms = ["control", "a", "b"];

    public IReadOnlyList<string> SegmentIds { get; init; } = [];

    /// <summary>
    /// Also draws conditions the oracle does not model (lifecycle, cart, customer facts, experiment arms), for
    /// engine-only checks.
    /// </summary>
    public bool Derived { get; init; }

    public Condition Rule(int depth = 0)
    {
        if (depth < 3 && random.Next(3) == 0)
        {
            return random.Next(3) switch
            {
                0 => new AndCondition(Rule(depth + 1), Rule(depth + 1)),
                1 => new OrCondition(Rule(depth + 1), Rule(depth + 1)),
                _ => new NotCondition(Rule(depth + 1)),
            };
        }

        if (Derived && random.Next(4) == 0)
        {
            return random.Next(4) switch
            {
                0 => new CompareCondition(new AttributeOperand("lifecycle"), CompareOperator.Equal, Literal.String(Pick(Stages))),
                1 => new TruthCondition(new AttributeOperand("cart.abandoned")),
                2 => ExperimentCondition(),
                _ => new AgeCondition(new AttributeOperand("customer.last_activity"), Pick([AgeOperator.OlderThan, AgeOperator.Within]), Pick(Windows)),
            };
        }

        return random.Next(10) switch
        {
            0 or 1 or 2 => new CompareCondition(Count(), Pick(Enum.GetValues<CompareOperator>()), Literal.Of(random.Next(0, 4) + (random.Next(5) == 0 ? 0.5 : 0))),
            3 => new CompareCondition(Amount(), Pick([CompareOperator.Greater, CompareOperator.LessOrEqual, CompareOperator.GreaterOrEqual]), Literal.Of(random.Next(0, 300))),
            4 => new DidCondition(Selector(allowNegated: true), Window()),
            5 => new AgeCondition(new EventTimeOperand(random.Next(2) == 0, Selector(allowNegated: false)), Pick([AgeOperator.OlderThan, AgeOperator.Within]), Pick(Windows)),
            6 => new CompareCondition(new AttributeOperand(Pick(["rfm.recency", "rfm.recency_score", "rfm.frequency", "rfm.monetary_score"])), Pick(Enum.GetValues<CompareOperator>()), Literal.Of(random.Next(0, 100) is var n && n < 50 ? n % 6 : n)),
            7 => random.Next(2) == 0
                ? new CompareCondition(new AttributeOperand("trait.country"), CompareOperator.Equal, Literal.String(Pick(["US", "FR"])))
                : new BetweenCondition(new AttributeOperand("trait.age"), Literal.Of(20), Literal.Of(40)),
            8 when SegmentIds.Count > 0 => new InSegmentCondition(Pick(SegmentIds.ToArray())),
            _ => new CompareCondition(new EventTimeOperand(false, Selector(allowNegated: false)), CompareOperator.Greater, Literal.Timestamp(now - (random.Next(0, 300) * Day))),
        };
    }

    private Condition ExperimentCondition()
    {
        var arm = new ExperimentOperand(Pick(Experiments));
        return random.Next(3) switch
        {
            0 => new CompareCondition(arm, Pick([CompareOperator.Equal, CompareOperator.NotEqual]), Literal.String(Pick(Arms))),
            1 => new ExistsCondition(arm),
            _ => new InCondition(arm, new ValueList<Literal>(Arms.OrderBy(_ => random.Next()).Take(2).Select(Literal.String))),
        };
    }

    private AggregateOperand Count() => new(AggregateKind.Count, Selector(allowNegated: true), null, Window());

    private AggregateOperand Amount()
    {
        var kind = Pick([AggregateKind.Sum, AggregateKind.Avg, AggregateKind.Min, AggregateKind.Max]);
        var selector = Selector(allowNegated: kind is AggregateKind.Sum or AggregateKind.Avg) with { EventType = "purchase" };
        return new AggregateOperand(kind, selector, "revenue", Window());
    }

    private EventSelector Selector(bool allowNegated)
    {
        var type = Pick(Types);
        var filters = new List<EventFilter>();
        if (type != "page_viewed" && random.Next(3) == 0)
        {
            var negated = allowNegated && random.Next(3) == 0;
            var values = Categories.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(Literal.String);
            filters.Add(new EventFilter("category", negated, new ValueList<Literal>(values)));
        }

        return new EventSelector(type, new ValueList<EventFilter>(filters));
    }

    private Window? Window() => random.Next(6) switch
    {
        0 => null,
        1 => new AbsoluteWindow(now - (random.Next(1, 300) * Day) - random.Next(0, 86_400), now - random.Next(0, 40 * 86_400)) is var w && w.To > w.From ? w : null,
        _ => new RelativeWindow(Pick(Windows)),
    };

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
