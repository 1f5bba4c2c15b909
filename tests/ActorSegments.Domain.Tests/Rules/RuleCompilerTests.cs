using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Compilation;

namespace ActorSegments.Domain.Tests.Rules;

public sealed class RuleCompilerTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    private sealed class Catalog(params string[] ids) : ISegmentCatalog
    {
        public IReadOnlyCollection<string> SegmentIds => ids;

        public CompiledRule? Find(string segmentId) => null;
    }

    [Theory]
    [InlineData("count(product_viewed, within 48h) >= 1 and count(cart_added, within 48h) = 0")]
    [InlineData("last(purchase) older than 30d and sum(purchase.revenue) >= 500")]
    [InlineData("trait.country = \"US\" and trait.age between 25 and 34")]
    [InlineData("count(product_viewed where category = \"Smartphones\", within 7d) > 0")]
    [InlineData("in_segment(\"vip\") and not lifecycle = \"lapsed\"")]
    [InlineData("score(\"purchase_30d\") > 0.8")]
    [InlineData("cohort = \"high-intent-browsers\"")]
    [InlineData("experiment(\"spring_sale\") = \"treatment\" or experiment(\"spring_sale\") in [\"a\", \"b\"]")]
    [InlineData("experiment(\"spring_sale\") exists and experiment(\"s\") contains \"treat\"")]
    [InlineData("rfm.recency_score >= 4")]
    [InlineData("not did(cart_added, within 48h) and did(product_viewed, within 48h)")]
    [InlineData("sum(purchase.revenue where category in [\"Audio\", \"Cameras\"], within 90d) > 100")]
    [InlineData("cart.abandoned and cart.value > 50 and cart.age > 2h")]
    [InlineData("trait.tags contains \"vip\" and trait.signup_at within 30d")]
    [InlineData("engagement.score >= 3 or email.open_rate > 0.25")]
    [InlineData("affinity.categories contains \"Audio\" and customer.first_seen older than 7d")]
    [InlineData("count(purchase, between 2025-11-28 and 2025-12-02) >= 1")]
    [InlineData("count(product_viewed where category != \"Audio\", within 30d) > 3")]
    public void Compile_ExampleRules_Succeed(string text)
    {
        var compilation = RuleCompiler.Compile(text, Model, new Catalog("vip"));

        Assert.True(compilation.Succeeded, string.Join("; ", compilation.Diagnostics));
    }

    [Theory]
    [InlineData("count(purchse) > 0", 1, 7, "unknown event type 'purchse'; did you mean 'purchase'?")]
    [InlineData("trait.cuntry = \"US\"", 1, 1, "unknown trait 'cuntry'; did you mean 'country'?")]
    [InlineData("trait.age = \"30\"", 1, 13, "trait.age is a number; compare it with a number (such as 42), not the string \"30\"")]
    [InlineData("lifecycle = \"lapsd\"", 1, 13, "unknown lifecycle stage \"lapsd\"; did you mean 'lapsed'?")]
    [InlineData("rfm.recency_scor >= 4", 1, 1, "unknown attribute 'rfm.recency_scor'; did you mean 'rfm.recency_score'?")]
    [InlineData("score(\"purchase_3d\") > 0.5", 1, 1, "unknown score 'purchase_3d'; did you mean 'purchase_30d'?")]
    [InlineData("in_segment(\"vpi\")", 1, 1, "unknown segment 'vpi'; did you mean 'vip'?")]
    [InlineData("sum(purchase.items, within 30d) > 2", 1, 1, "purchase.items is only totalled over all time")]
    [InlineData("sum(purchase.category) > 2", 1, 1, "purchase.category is not a numeric property")]
    [InlineData("count(product_viewed where product_id = \"P1\") > 0", 1, 28, "'product_id' is not a tracked string property of product_viewed")]
    [InlineData("max(purchase.revenue where category != \"Audio\") > 2", 1, 28, "!= and not in can be used with count, sum and avg only")]
    [InlineData("count(purchase, within 500d) > 0", 1, 17, "longer than the history kept (400d)")]
    [InlineData("trait.country", 1, 1, "trait.country is a string, not a yes-or-no value")]
    [InlineData("trait.country > \"A\"", 1, 17, "only =, != and in [...] apply to it")]
    [InlineData("trait.age between 40 and 30", 1, 26, "the range is empty")]
    [InlineData("count(purchase) older than 30d", 1, 1, "older than and within measure the age of a timestamp")]
    [InlineData("trait.age contains \"3\"", 1, 1, "contains looks for a string")]
    [InlineData("experiment(\"Spring Sale\") = \"a\"", 1, 1, "invalid experiment id \"Spring Sale\": expected lower-case letters, digits and '_', starting with a letter, as in \"spring_sale\" (got \"Spring Sale\")")]
    [InlineData("trait.age > 3 and\n  experiment(\"2026_sale\") exists", 2, 3, "invalid experiment id \"2026_sale\": expected lower-case letters")]
    [InlineData("experiment(\"\") exists", 1, 1, "invalid experiment id \"\": is required")]
    [InlineData("experiment(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\") exists", 1, 1, "must be at most 64 characters (got 65)")]
    [InlineData("experiment(\"spring_sale\") = 1", 1, 29, "experiment(\"spring_sale\") is a string; compare it with a string")]
    [InlineData("experiment(\"spring_sale\") > \"a\"", 1, 29, "only =, != and in [...] apply to it")]
    [InlineData("experiment(\"spring_sale\")", 1, 1, "experiment(\"spring_sale\") is a string, not a yes-or-no value")]
    public void Compile_BadRule_ExplainsWhereAndWhat(string text, int line, int column, string expected)
    {
        var compilation = RuleCompiler.Compile(text, Model, new Catalog("vip"));

        Assert.False(compilation.Succeeded);
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Compile_SeveralProblems_ReportsEachInTextOrder()
    {
        var compilation = RuleCompiler.Compile("trait.cuntry = \"US\" and\ncount(purchse) > 0", Model);

        Assert.Equal([(1, 1), (2, 7)], compilation.Diagnostics.Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void Inputs_ListWhatTheRuleReads()
    {
        var rule = RuleCompiler.Compile("count(product_viewed, within 7d) > 0 and trait.country = \"US\" and rfm.recency_score >= 4 and score(\"purchase_30d\") > 0.5", Model).Rule!;

        Assert.Equal(["product_viewed", "purchase"], rule.Inputs.EventTypes.Order(StringComparer.Ordinal));
        Assert.Equal(["country"], rule.Inputs.Traits);
        Assert.Equal(["purchase_30d"], rule.Inputs.Scores);
        Assert.True(rule.Inputs.TimeDependent);
        Assert.False(rule.Inputs.Lifecycle);
    }

    [Fact]
    public void Inputs_TimeIndependentRule_NeverChangesOnItsOwn()
    {
        var rule = RuleCompiler.Compile("trait.country = \"US\" and count(purchase) >= 2", Model).Rule!;

        Assert.False(rule.Inputs.TimeDependent);
        Assert.Equal(long.MaxValue, rule.NextChange(new CustomerState(), Model, 1_000));
    }
}
