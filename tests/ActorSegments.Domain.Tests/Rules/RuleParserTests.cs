using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Json;
using ActorSegments.Domain.Rules.Syntax;

namespace ActorSegments.Domain.Tests.Rules;

public sealed class RuleParserTests
{
    public static TheoryData<string> GoodRules() => new(
        "count(product_viewed, within 48h) >= 1 and count(cart_added, within 48h) = 0",
        "last(purchase) older than 30d and sum(purchase.revenue) >= 500",
        "trait.country = \"US\" and trait.age between 25 and 34",
        "count(product_viewed where category = \"Smartphones\", within 7d) > 0",
        "in_segment(\"vip\") and not lifecycle = \"lapsed\"",
        "score(\"purchase_30d\") > 0.8",
        "cohort = \"high-intent-browsers\"",
        "experiment(\"spring_sale\") = \"treatment\" and not experiment(\"onboarding_v2\") exists",
        "EXPERIMENT('spring_sale') in [\"a\", \"b\"] or experiment(\"spring_sale\") != \"control\"",
        "rfm.recency_score >= 4",
        "did(product_viewed, within 48h) and not did(cart_added, within 48h)",
        "trait.tags contains \"vip\" or trait.email exists",
        "trait.country in [\"US\", \"CA\"] and trait.country not in [\"MX\"]",
        "avg(purchase.revenue where category in [\"Shoes\", \"Bags\"], within 90d) > 120.5",
        "min(purchase.revenue, within 30d) < 10 or max(purchase.revenue, within 30d) >= 1000",
        "count(purchase, between 2025-11-28 and 2025-12-02) >= 1",
        "first(purchase) < 2026-01-01T10:30:00Z",
        "cart.abandoned and cart.value > 100",
        "last(email_opened) within 7d",
        "not (lifecycle = \"lapsed\" or lifecycle = \"at_risk\")",
        "engagement.score >= -1.5",
        "count(product_viewed where category != \"Smartphones\" and product_id = \"P1\", within 30d) > 2",
        "TRAIT.country = 'US' AND NOT trait.age < 18 # comments and either quote style\n");

    [Theory]
    [MemberData(nameof(GoodRules))]
    public void Parse_GoodRule_RoundTripsThroughTextAndJson(string text)
    {
        var rule = RuleParser.Parse(text);

        var formatted = RuleFormatter.Format(rule);
        Assert.Equal(rule, RuleParser.Parse(formatted));
        Assert.Equal(formatted, RuleFormatter.Format(RuleParser.Parse(formatted)));
        Assert.Equal(rule, RuleJson.Deserialize(RuleJson.Serialize(rule)));
    }

    [Fact]
    public void Parse_Precedence_NotBindsTighterThanAndWhichBindsTighterThanOr()
    {
        var rule = RuleParser.Parse("not a = 1 and b = 2 or c = 3");

        var or = Assert.IsType<OrCondition>(rule);
        var and = Assert.IsType<AndCondition>(or.Left);
        Assert.IsType<NotCondition>(and.Left);
        Assert.Equal("not a = 1 and b = 2 or c = 3", RuleFormatter.Format(rule));
    }

    [Fact]
    public void Parse_ParenthesesOverridePrecedence()
    {
        var rule = RuleParser.Parse("a = 1 and (b = 2 or c = 3)");

        Assert.IsType<OrCondition>(Assert.IsType<AndCondition>(rule).Right);
        Assert.Equal("a = 1 and (b = 2 or c = 3)", RuleFormatter.Format(rule));
    }

    [Fact]
    public void Parse_Aggregate_CapturesFiltersAndWindow()
    {
        var rule = (CompareCondition)RuleParser.Parse("sum(purchase.revenue where category = \"Shoes\", within 30d) >= 500");

        var aggregate = Assert.IsType<AggregateOperand>(rule.Operand);
        Assert.Equal(AggregateKind.Sum, aggregate.Kind);
        Assert.Equal("purchase", aggregate.Events.EventType);
        Assert.Equal("revenue", aggregate.Property);
        Assert.Equal(new RelativeWindow(30 * 86_400), aggregate.Window);
        Assert.Equal(new EventFilter("category", false, new ValueList<Literal>([Literal.String("Shoes")])), Assert.Single(aggregate.Events.Filters));
        Assert.Equal(Literal.Of(500), rule.Value);
    }

    [Theory]
    [InlineData("", 1, 1, "the rule is empty")]
    [InlineData("count(purchase) >", 1, 18, "expected a value")]
    [InlineData("count(purchase) >= 1 and", 1, 25, "expected a condition")]
    [InlineData("count(purchase, within 30days) > 0", 1, 26, "unknown duration unit 'days'")]
    [InlineData("count(purchase, within 1.5h) > 0", 1, 24, "a duration is a whole number")]
    [InlineData("cout(purchase) > 0", 1, 1, "unknown function 'cout'; did you mean 'count'?")]
    [InlineData("trait.country = \"US", 1, 17, "unterminated string")]
    [InlineData("trait.age between 25 34", 1, 22, "expected 'and' between the two ends")]
    [InlineData("trait.country in \"US\"", 1, 18, "expected '[' to start a list")]
    [InlineData("(trait.age > 3", 1, 15, "expected ')' to close the parenthesis opened at line 1, column 1")]
    [InlineData("trait.age > 3)", 1, 14, "expected 'and', 'or' or the end of the rule")]
    [InlineData("trait.age ~ 3", 1, 11, "unexpected character '~'")]
    [InlineData("sum(purchase) > 3", 1, 13, "sum() needs a numeric property")]
    [InlineData("count(purchase.revenue) > 3", 1, 16, "takes no property")]
    [InlineData("last(purchase) older 30d", 1, 22, "expected 'than' after 'older'")]
    [InlineData("count(purchase, between 2025-12-02 and 2025-11-28) > 0", 1, 40, "the end of the range must be after its start")]
    [InlineData("first(purchase) < 2025-13-45", 1, 19, "'2025-13-45' is not a valid timestamp")]
    [InlineData("in_segment(vip)", 1, 12, "expected a segment id in quotes")]
    [InlineData("experiment(spring_sale) = \"a\"", 1, 12, "expected an experiment id in quotes, as in experiment(\"spring_sale\")")]
    [InlineData("experiment(\"spring_sale\") = \"a\" and\n  experiment(\"x\" = \"b\"", 2, 18, "expected ')' to close experiment(...)")]
    [InlineData("experiment(\"spring_sale\") \"a\"", 1, 27, "expected a comparison (=, !=, <, <=, >, >=, between, in, contains, exists, older than, within) or 'and', 'or', ')' after experiment(\"spring_sale\")")]
    [InlineData("experment(\"spring_sale\") = \"a\"", 1, 1, "unknown function 'experment'; did you mean 'experiment'?")]
    [InlineData("in_segment(\"vip\") = true", 1, 19, "expected 'and', 'or' or the end of the rule")]
    [InlineData("trait.age > 3 trait.age < 9", 1, 15, "expected 'and', 'or' or the end of the rule")]
    [InlineData("lifecycle lapsed", 1, 11, "expected a comparison")]
    [InlineData("count(x where y > 1) > 0", 1, 17, "expected =, != or not in [...] after the property 'y'")]
    [InlineData("trait.name = \"a\\qb\"", 1, 16, "unknown escape '\\q'")]
    [InlineData("trait.age > 3\nand\ntrait.age <", 3, 12, "expected a value")]
    [InlineData("trait.a = 1 and\n  count(x, within 0s) > 1", 2, 19, "a window must be longer than zero")]
    public void Parse_BadRule_ReportsLineColumnAndWhatWasExpected(string text, int line, int column, string expected)
    {
        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(text));

        Assert.Contains(expected, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (ex.Diagnostic.Line, ex.Diagnostic.Column));
    }

    [Fact]
    public void Parse_TooDeeplyNested_IsASyntaxErrorNotAStackOverflow()
    {
        var text = new string('(', 5_000) + "a = 1" + new string(')', 5_000);

        var ex = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(text));

        Assert.Contains("nests more than", ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_IsRejected() =>
        Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse("a = 1 or " + string.Concat(Enumerable.Repeat("a = 1 or ", 3000)) + "a = 1"));

    [Fact]
    public void RuleJson_ExperimentOperand_IsItsKindAndId()
    {
        var rule = RuleParser.Parse("experiment(\"spring_sale\") = \"treatment\"");

        var json = RuleJson.Serialize(rule);

        Assert.Contains("\"operand\":{\"kind\":\"experiment\",\"experiment\":\"spring_sale\"}", json, StringComparison.Ordinal);
        Assert.Equal(new ExperimentOperand("spring_sale"), Assert.IsType<CompareCondition>(RuleJson.Deserialize(json)).Operand);
        var missing = Assert.Throws<RuleJsonException>(() => RuleJson.Deserialize("{\"op\":\"exists\",\"operand\":{\"kind\":\"experiment\"}}"));
        Assert.Equal("$.operand.experiment: expected a string", missing.Message);
    }

    [Fact]
    public void RuleJson_Malformed_NamesThePath()
    {
        var ex = Assert.Throws<RuleJsonException>(() => RuleJson.Deserialize("{\"op\":\"and\",\"left\":{\"op\":\"exists\",\"operand\":{\"kind\":\"attribute\",\"path\":\"trait.x\"}},\"right\":{\"op\":\"bogus\"}}"));

        Assert.StartsWith("$.right.op: unknown condition 'bogus'", ex.Message, StringComparison.Ordinal);
    }
}
