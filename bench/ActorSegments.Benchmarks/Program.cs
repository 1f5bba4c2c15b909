using ActorSegments.Benchmarks;
using BenchmarkDotNet.Running;

// "sizes" prints serialized state sizes; anything else goes to BenchmarkDotNet (for example --filter '*').
if (args is ["sizes"])
{
    SizeReport.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);
