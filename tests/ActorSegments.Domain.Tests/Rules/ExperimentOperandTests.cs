using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Rules;

/// <summary><c>experiment("id")</c>: what it reads, what it answers, and which segments an assignment re-evaluates.</summary>
public sealed class ExperimentOperandTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly long T0 = UnixTime.Seconds(At);

    private static CompiledRule Compile(string text) =>
        RuleCompiler.Compile(text, Model) is { Succeeded: true } compilation ? compilation.Rule! : throw new InvalidOperationException(text);

    private static CustomerState Assigned(params (string Experiment, string Arm)[] arms)
    {
        var state = new CustomerState();
        foreach (var (experiment, arm) in arms)
        {
            state.ApplyRecorded(ExperimentAssignment.For(experiment, arm, At), Model, T0, []);
        }

        return state;
    }

    [Theory]
    [InlineData("experiment(\"spring_sale\") = \"treatment\"", true, false)]
    [InlineData("experiment(\"spring_sale\") = \"control\"", false, false)]
    [InlineData("experiment(\"spring_sale\") != \"control\"", true, false)]
    [InlineData("experiment(\"spring_sale\") exists", true, false)]
    [InlineData("experiment(\"spring_sale\") in [\"a\", \"treatment\"]", true, false)]
    [InlineData("not experiment(\"spring_sale\") = \"control\"", true, true)]
    [InlineData("experiment(\"onboarding_v2\") exists", false, false)]
    public void Evaluate_ReadsTheArm_AndNullWhenNotAssigned(string text, bool assigned, bool unassigned)
    {
        var rule = Compile(text);

        Assert.Equal(assigned, rule.Evaluate(Assigned(("spring_sale", "treatment")), Model, T0));
        Assert.Equal(unassigned, rule.Evaluate(new CustomerState(), Model, T0));
    }

    [Fact]
    public void Evaluate_SecondAssignmentToAnotherArm_KeepsAnsweringTheFirst()
    {
        var rule = Compile("experiment(\"spring_sale\") = \"treatment\"");
        var state = Assigned(("spring_sale", "treatment"), ("spring_sale", "control"));

        Assert.True(rule.Evaluate(state, Model, T0));
    }

    [Fact]
    public void Explain_ShowsTheArmRead_OrNullWhenNotAssigned()
    {
        var rule = Compile("experiment(\"spring_sale\") = \"treatment\"");

        var assigned = rule.Explain(Assigned(("spring_sale", "treatment")), Model, T0);
        var unassigned = rule.Explain(new CustomerState(), Model, T0);

        Assert.Equal(("experiment(\"spring_sale\") = \"treatment\"", true, "\"treatment\"", (DateTimeOffset?)null), (assigned.Condition, assigned.Result, assigned.Value, assigned.NextChange));
        Assert.Equal((false, "null"), (unassigned.Result, unassigned.Value));
    }

    [Fact]
    public void Inputs_ListTheExperimentsRead_AndNeverDependOnTime()
    {
        var rule = Compile("experiment(\"spring_sale\") = \"a\" or experiment(\"onboarding_v2\") exists");

        Assert.Equal(["onboarding_v2", "spring_sale"], rule.Inputs.Experiments.Order(StringComparer.Ordinal));
        Assert.False(rule.Inputs.TimeDependent);
        Assert.Empty(rule.Inputs.EventTypes);
        Assert.Equal(UnixTime.Never, rule.NextChange(Assigned(("spring_sale", "a")), Model, T0));
    }

    [Fact]
    public void DependencyIndex_AnAssignmentToX_MarksExactlyTheSegmentsReadingX_DirectlyOrThroughAReference()
    {
        var set = SegmentSet.Compile(
        [
            new("spring-a", "experiment(\"spring_sale\") = \"a\""),
            new("spring-b", "experiment(\"spring_sale\") = \"b\""),
            new("spring-b-us", "in_segment(\"spring-b\") and trait.country = \"US\""),
            new("onboarding", "experiment(\"onboarding_v2\") exists"),
            new("buyers", "did(purchase)"),
            new("us", "trait.country = \"US\""),
            new("scored", "score(\"purchase_30d\") > 0.5"),
            new("clustered", "cohort = \"c1\""),
        ], Model);
        Assert.Empty(set.Errors);

        Assert.Equal(["spring-a", "spring-b", "spring-b-us"], SegmentMarks.Marked(set, ChangeSet.ForExperiment("spring_sale")));
        Assert.Equal(["onboarding"], SegmentMarks.Marked(set, ChangeSet.ForExperiment("onboarding_v2")));
        Assert.Empty(SegmentMarks.Marked(set, ChangeSet.ForExperiment("summer_sale")));
        Assert.DoesNotContain("spring-a", SegmentMarks.Marked(set, ChangeSet.ForEvent("purchase", lifecycle: true)));
    }

    [Fact]
    public void Memberships_AnAssignmentApplied_EntersTheArmSegmentOnly_WithTheCauseGiven()
    {
        var set = SegmentSet.Compile(
        [
            new("spring-control", "experiment(\"spring_sale\") = \"control\""),
            new("spring-treatment", "experiment(\"spring_sale\") = \"treatment\""),
        ], Model);
        var state = new CustomerState();
        var memberships = new Memberships();
        var changes = new List<MembershipChange>();
        memberships.ApplyAll(set, state, Model, T0, MembershipCause.Definition, changes);
        var applied = new List<ChangeSet>();

        state.ApplyRecorded(ExperimentAssignment.For("spring_sale", "treatment", At), Model, T0 + 5, applied);
        foreach (var change in applied)
        {
            memberships.Apply(set, state, Model, change, T0 + 5, MembershipCause.Experiment, changes);
        }

        Assert.Equal([new MembershipChange("spring-treatment", true, T0 + 5, MembershipCause.Experiment)], changes);
        Assert.Equal(UnixTime.Never, memberships.NextWakeUp);
    }
}
