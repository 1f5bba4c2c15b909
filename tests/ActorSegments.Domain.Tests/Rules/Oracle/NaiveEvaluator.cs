using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Rules.Oracle;

/// <summary>
/// The test oracle: evaluates a rule's syntax tree directly over the raw event list, recounting everything on every
/// call. It shares only the precision contract (which bucket an instant falls in, <see cref="TimeTiers"/>) with the
/// engine; aggregation, windows, filters, RFM and null handling are written here independently.
/// </summary>
internal sealed class NaiveEvaluator(IReadOnlyList<RawEvent> events, IReadOnlyDictionary<string, TraitValue> traits, BehaviorModel model)
{
    private const long Day = 86_400;
    private readonly TimeTiers _tiers = model.Tiers;

    public IReadOnlyDictionary<string, Condition> Segments { get; init; } = new Dictionary<string, Condition>();

    public bool Holds(Condition rule, long now) => rule switch
    {
        AndCondition and => Holds(and.Left, now) && Holds(and.Right, now),
        OrCondition or => Holds(or.Left, now) || Holds(or.Right, now),
        NotCondition not => !Holds(not.Operand, now),
        CompareCondition c => Compare(Value(c.Operand, now), c.Operator, c.Value),
        BetweenCondition b => Value(b.Operand, now) is { } v && Ordinal(v) >= Ordinal(b.Low) && Ordinal(v) <= Ordinal(b.High),
        InCondition i => i.Values.Any(v => Compare(Value(i.Operand, now), CompareOperator.Equal, v)),
        ExistsCondition e => Value(e.Operand, now) is not null,
        AgeCondition a => Value(a.Operand, now) is Literal t && (a.Operator == AgeOperator.OlderThan ? now - t.Seconds >= a.Seconds : now - t.Seconds < a.Seconds),
        TruthCondition t => Value(t.Operand, now) is { Type: DataType.Bool, Number: 1 },
        DidCondition d => Selected(d.Events, d.Window, now).Any(),
        InSegmentCondition s => Holds(Segments[s.SegmentId], now),
        _ => throw new NotSupportedException(rule.GetType().Name),
    };

    private Literal? Value(Operand operand, long now)
    {
        switch (operand)
        {
            case AggregateOperand { Kind: AggregateKind.Count } count:
                return Literal.Of(Selected(count.Events, count.Window, now).Count());
            case AggregateOperand aggregate:
                var values = Selected(aggregate.Events, aggregate.Window, now).Where(e => e.Revenue is not null).Select(e => e.Revenue!.Value).ToList();
                return values.Count == 0 ? null : Literal.Of(aggregate.Kind switch
                {
                    AggregateKind.Sum => values.Sum(),
                    AggregateKind.Avg => values.Sum() / values.Count,
                    AggregateKind.Min => values.Min(),
                    _ => values.Max(),
                });
            case EventTimeOperand time:
                var times = Selected(time.Events, null, now).Select(e => e.Time).ToList();
                return times.Count == 0 ? null : Literal.Timestamp(time.First ? times.Min() : times.Max());
            case AttributeOperand { Path: var path } when path.StartsWith("trait.", StringComparison.Ordinal):
                return traits.TryGetValue(path[6..], out var trait) ? ToLiteral(trait) : null;
            case AttributeOperand { Path: var path } when path.StartsWith("rfm.", StringComparison.Ordinal):
                return Rfm(path[4..], now);
            default:
                throw new NotSupportedException(operand.ToString());
        }
    }

    private Literal? Rfm(string measure, long now)
    {
        var purchases = events.Where(e => e.Type == "purchase").ToList();
        if (purchases.Count == 0)
        {
            return null;
        }

        var last = purchases.Max(e => e.Time);
        var days = (long)Math.Floor((now - last) / (double)Day);
        var revenue = purchases.Sum(e => e.Revenue ?? 0);
        var rfm = model.Settings.Rfm;
        return measure switch
        {
            "recency" => Literal.Of(days),
            "frequency" => Literal.Of(purchases.Count),
            "monetary" => Literal.Of(revenue),
            "recency_score" => Literal.Of(rfm.RecencyDays.Count(cut => days > cut) is var above ? 5 - above : 0),
            "frequency_score" => Literal.Of(1 + rfm.Frequency.Count(cut => purchases.Count >= cut)),
            _ => Literal.Of(1 + rfm.Monetary.Count(cut => revenue >= cut)),
        };
    }

    /// <summary>Events of the type, passing the filter, inside the window under the precision contract.</summary>
    private IEnumerable<RawEvent> Selected(EventSelector selector, Window? window, long now) => events
        .Where(e => e.Type == selector.EventType)
        .Where(e => selector.Filters.All(f => f.Values.Any(v => v.Text == e.Category) != f.Negated))
        .Where(e => window switch
        {
            null => true,
            RelativeWindow w => InWindow(e.Time, now, w.Seconds),
            AbsoluteWindow r => InRange(e.Time, now, r.From, r.To),
            _ => throw new NotSupportedException(),
        });

    /// <summary>"Within W": the event's bucket, at the resolution for W, starts after the bucket holding now - W.</summary>
    private bool InWindow(long time, long now, long window)
    {
        var tier = _tiers.TierForAge(window);
        return _tiers.BucketIndex(time, tier) > _tiers.BucketIndex(now - window, tier);
    }

    /// <summary>[from, to) widened to whole buckets at each edge's resolution; the event's bucket must start inside.</summary>
    private bool InRange(long time, long now, long from, long to)
    {
        var (fromTier, toTier) = _tiers.RangeEdgeTiers(now, from, to);
        return _tiers.AlignDown(time, fromTier) >= _tiers.AlignDown(from, fromTier) && _tiers.AlignDown(time, toTier) < AlignUp(to, toTier);
    }

    private long AlignUp(long time, int tier) => _tiers.AlignDown(time, tier) == time ? time : _tiers.AlignDown(time, tier) + _tiers.Resolution(tier);

    private static bool Compare(Literal? value, CompareOperator op, Literal literal)
    {
        if (value is null || value.Type != literal.Type)
        {
            return false;
        }

        var order = value.Type switch
        {
            DataType.String => string.CompareOrdinal(value.Text, literal.Text),
            DataType.Number or DataType.Bool => value.Number.CompareTo(literal.Number),
            _ => value.Seconds.CompareTo(literal.Seconds),
        };
        return op switch
        {
            CompareOperator.Equal => order == 0,
            CompareOperator.NotEqual => order != 0,
            CompareOperator.Less => order < 0,
            CompareOperator.LessOrEqual => order <= 0,
            CompareOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private static double Ordinal(Literal value) => value.Type == DataType.Number ? value.Number : value.Seconds;

    private static Literal ToLiteral(TraitValue trait) => trait.Type switch
    {
        DataType.String => Literal.String(trait.Text!),
        DataType.Number => Literal.Of(trait.Number),
        DataType.Bool => Literal.Of(trait.Number != 0),
        _ => Literal.Timestamp((long)trait.Number),
    };
}
