using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Tests.Experiments;

public sealed class EventConditionTests
{
    private static readonly EventTypeDefinition Purchase = new("purchase",
    [
        new("revenue", DataType.Number),
        new("currency", DataType.String),
        new("gift", DataType.Bool),
        new("placed_at", DataType.Timestamp),
    ]);

    [Theory]
    [InlineData("revenue > 0", 10.0, "EUR", true)]
    [InlineData("revenue > 0", 0.0, "EUR", false)]
    [InlineData("revenue >= 10 and currency = \"EUR\"", 10.0, "EUR", true)]
    [InlineData("revenue >= 10 and currency = \"EUR\"", 10.0, "USD", false)]
    [InlineData("currency in [\"EUR\", 'USD']", 1.0, "USD", true)]
    [InlineData("currency not in [\"EUR\", \"USD\"]", 1.0, "USD", false)]
    [InlineData("currency != \"EUR\"", 1.0, "GBP", true)]
    [InlineData("revenue < -5", -10.0, "EUR", true)]
    [InlineData("revenue <= 2.5", 2.5, "EUR", true)]
    [InlineData("", 0.0, "EUR", true)]
    public void Matches_TestsTheEventsProperties(string where, double revenue, string currency, bool expected)
    {
        var (condition, problems) = EventCondition.Compile(where, Purchase);

        Assert.Empty(problems);
        Assert.Equal(expected, condition!.Matches(Properties(revenue, currency)));
    }

    [Fact]
    public void Matches_AMissingProperty_FailsEveryTestButNotEqualAndNotIn()
    {
        var none = new Dictionary<string, PropertyValue>();

        Assert.False(Compiled("revenue > 0").Matches(none));
        Assert.False(Compiled("currency = \"EUR\"").Matches(none));
        Assert.False(Compiled("currency in [\"EUR\"]").Matches(none));
        Assert.True(Compiled("currency != \"EUR\"").Matches(none));
        Assert.True(Compiled("currency not in [\"EUR\"]").Matches(none));
        Assert.True(Compiled("gift = false and currency != \"EUR\"").Matches(new Dictionary<string, PropertyValue> { ["gift"] = PropertyValue.Of(false) }));
    }

    [Theory]
    [InlineData("revenue >", 1, 10, "expected a string, a number, true or false, found the end of the rule")]
    [InlineData("revenue > 0 or gift = true", 1, 13, "expected 'and' or the end of the filter, found 'or'")]
    [InlineData("revenue ~ 0", 1, 9, "")]
    [InlineData("currency in [\"EUR\" \"USD\"]", 1, 20, "expected ',' or ']'")]
    [InlineData("amount > 0", 1, 1, "'purchase' has no property 'amount' (declared: revenue, currency, gift, placed_at)")]
    [InlineData("revenue > 0 and\n  currency > \"A\"", 2, 3, "only =, != and in apply to it")]
    [InlineData("revenue = \"ten\"", 1, 1, "'revenue' is a number; the string \"ten\" is not")]
    [InlineData("placed_at > 0", 1, 1, "filters test strings, numbers and booleans")]
    public void Compile_AProblem_IsReportedAtItsLineAndColumn(string where, int line, int column, string message)
    {
        var (condition, problems) = EventCondition.Compile(where, Purchase);

        Assert.Null(condition);
        var problem = Assert.Single(problems);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SeveralProblems_AreAllReported()
    {
        var (_, problems) = EventCondition.Compile("amount > 0 and currency > \"A\"", Purchase);

        Assert.Equal(2, problems.Count);
    }

    private static EventCondition Compiled(string where) => EventCondition.Compile(where, Purchase).Condition!;

    private static Dictionary<string, PropertyValue> Properties(double revenue, string currency) => new()
    {
        ["revenue"] = PropertyValue.Of(revenue),
        ["currency"] = PropertyValue.Of(currency),
    };
}
