using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Rules.Json;
using ActorSegments.Domain.Rules.Syntax;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Rules;

/// <summary><c>percentile("model")</c>: its forms, what it reads, what it refuses, and what re-evaluates it.</summary>
public sealed class PercentileOperandTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly long T0 = UnixTime.Seconds(At);

    private static CustomerState Scored(double score, double percentile)
    {
        var state = new CustomerState();
        state.ApplyRecorded(new ModelOutput("purchase_30d-v1", At) { Scores = [new("purchase_30d", score), new("purchase_30d_percentile", percentile)] }, Model, T0, []);
        return state;
    }

    [Theory]
    [InlineData(80.0, true)]
    [InlineData(79.99, false)]
    [InlineData(100.0, true)]
    public void Evaluate_ReadsThePercentileKeptBesideTheScore_NotTheScore(double percentile, bool top20)
    {
        var rule = RuleCompiler.Compile("percentile(\"purchase_30d\") >= 80", Model).Rule!;

        Assert.Equal(top20, rule.Evaluate(Scored(0.31, percentile), Model, T0));
        Assert.False(rule.Evaluate(new CustomerState(), Model, T0));
        Assert.Equal(["purchase_30d_percentile"], rule.Inputs.Scores);
        Assert.False(rule.Inputs.TimeDependent);
    }

    [Fact]
    public void TextAndJson_RoundTrip()
    {
        const string text = "percentile(\"churn_60d\") between 90 and 100";
        var parsed = RuleParser.Parse(text);

        Assert.Equal(new PercentileOperand("churn_60d"), Assert.IsType<BetweenCondition>(parsed).Operand with { Span = default });
        Assert.Equal(text, RuleFormatter.Format(parsed));
        Assert.Equal(RuleFormatter.Format(parsed), RuleFormatter.Format(RuleJson.Deserialize(RuleJson.Serialize(parsed))));
        Assert.Contains("\"kind\":\"percentile\"", RuleJson.Serialize(parsed).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("percentile(\"purchase_3d\") >= 80", 1, 1, "'purchase_3d' is not one; did you mean 'purchase_30d'?")]
    [InlineData("did(purchase) and percentile(\"recommendations\") > 50", 1, 19, "percentile() ranks customers by a propensity model")]
    [InlineData("percentile(purchase_30d) > 50", 1, 12, "a propensity model's name in quotes")]
    public void Compile_WhatIsNotAPropensityModel_IsRefusedAtItsPosition(string text, int line, int column, string expected)
    {
        var compilation = RuleCompiler.Compile(text, Model);

        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_AModelTheWorkspaceDoesNotScore_IsRefused()
    {
        var schema = new WorkspaceSchema(WorkspaceSchema.Commerce.EventTypes, WorkspaceSchema.Commerce.Traits, ["purchase_30d"]);
        var model = new BehaviorModel(schema, BehaviorSettings.Default);

        Assert.True(RuleCompiler.Compile("percentile(\"purchase_30d\") > 50", model).Succeeded);
        Assert.Contains("unknown score 'churn_60d'", Assert.Single(RuleCompiler.Compile("percentile(\"churn_60d\") > 50", model).Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DependencyIndex_AMovedPercentileMarksThePercentileAudience_AMovedScoreTheScoreRule()
    {
        var set = SegmentSet.Compile(
        [
            new("likely_buyers", "percentile(\"purchase_30d\") >= 80"),
            new("scored", "score(\"purchase_30d\") > 0.5"),
        ], Model);
        Assert.Empty(set.Errors);

        Assert.Equal(["likely_buyers"], SegmentMarks.Marked(set, new ChangeSet(null, false, null, "purchase_30d_percentile", false)));
        Assert.Equal(["scored"], SegmentMarks.Marked(set, new ChangeSet(null, false, null, "purchase_30d", false)));
    }
}
