using ActorSegments.Benchmarks;
using BenchmarkDotNet.Running;

// "sizes" prints serialized state sizes, "heap" the heap an active customer holds; anything else goes to BenchmarkDotNet (for example --filter '*').
if (args is ["sizes"])
{
    SizeReport.Print();
    return;
}

if (args is ["heap"])
{
    CustomerHeapReport.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);
