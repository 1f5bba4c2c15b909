using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Rules;

/// <summary>
/// An uplift model's score and percentile in rules: <c>uplift:{experiment}</c> is a known score without being declared
/// (the commerce schema declares only the propensities), and "the top 30% by predicted uplift" reads its percentile.
/// </summary>
public sealed class UpliftScoreRuleTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly long T0 = UnixTime.Seconds(At);

    private static CustomerState Scored(double uplift, double percentile)
    {
        var state = new CustomerState();
        state.ApplyRecorded(new ModelOutput("uplift:spring-v1", At) { Scores = [new("uplift:spring", uplift), new("uplift:spring_percentile", percentile)] }, Model, T0, []);
        return state;
    }

    [Theory]
    [InlineData(70.0, true)]
    [InlineData(69.99, false)]
    public void Percentile_TopThirtyPercentByPredictedUplift_ReadsThePercentileKeptBesideTheScore(double percentile, bool messaged)
    {
        Assert.NotEmpty(Model.Schema.Scores);
        var rule = RuleCompiler.Compile("percentile(\"uplift:spring\") >= 70", Model).Rule!;

        Assert.Equal(messaged, rule.Evaluate(Scored(0.12, percentile), Model, T0));
        Assert.False(rule.Evaluate(new CustomerState(), Model, T0));
        Assert.Equal(["uplift:spring_percentile"], rule.Inputs.Scores);
    }

    [Fact]
    public void Score_ANegativeUplift_IsComparedAsAnyScore()
    {
        var harmed = RuleCompiler.Compile("score(\"uplift:spring\") < 0", Model).Rule!;

        Assert.True(harmed.Evaluate(Scored(-0.04, 12), Model, T0));
        Assert.False(harmed.Evaluate(Scored(0.04, 60), Model, T0));
    }

    [Theory]
    [InlineData("percentile(\"uplift:Spring\") >= 70", "or uplift:EXPERIMENT")]
    [InlineData("score(\"uplift:\") > 0", "unknown score 'uplift:'")]
    public void Compile_AnUpliftNameWithoutAValidExperimentId_IsRefused(string text, string expected)
    {
        var compilation = RuleCompiler.Compile(text, Model);

        Assert.Contains(expected, Assert.Single(compilation.Diagnostics).Message, StringComparison.Ordinal);
    }
}
