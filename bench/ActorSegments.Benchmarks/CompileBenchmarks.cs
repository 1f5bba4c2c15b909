using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Rules.Syntax;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>Parsing and compiling a typical rule (done once per rule per silo, and on every validate call).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private const string Rule = "count(product_viewed where category = \"Smartphones\", within 7d) >= 1 and not did(cart_added, within 48h) and trait.country = \"US\" and rfm.recency_score >= 3";

    [Benchmark(Description = "parse a rule")]
    public object Parse() => RuleParser.Parse(Rule);

    [Benchmark(Description = "parse + type-check + compile a rule")]
    public object Compile() => RuleCompiler.Compile(Rule, BehaviorModel.Default).Rule!;
}
