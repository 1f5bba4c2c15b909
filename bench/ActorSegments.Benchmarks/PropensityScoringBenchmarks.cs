using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Propensity;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>
/// What a customer's live rescoring costs (docs/ml.md, live rescoring): extracting the feature row from its state, and
/// scoring it with a calibrated propensity model (FastTree, 100 trees, as trained by the service), for 1,000 typical
/// customers (50 events over a year, the shopper mix) and for heavy ones (2,000 events over 400 days).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PropensityScoringBenchmarks
{
    private const int CustomerCount = 1000;
    private readonly BehaviorModel _model = BehaviorModel.Default;
    private readonly float[] _row = new float[CustomerFeatures.Count];
    private CustomerState[] _states = [];
    private float[][] _rows = [];
    private IScoringModel _scoring = null!;
    private long _now;
    private int _customer;

    [Params(50, 2000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _states = [.. Enumerable.Range(0, CustomerCount).Select(c => Customers.Build(Events, Events > 100 ? 400 : 365, seed: c))];
        _now = _states.Max(s => s.Reference);
        _rows = [.. _states.Select(s => CustomerFeatures.Extract(s, _model, _now))];
        // Labels with a signal in the features (recent, frequent buyers buy again) and noise, half of each, so the
        // trees are full-sized.
        var random = new Random(7);
        var signal = _rows.Select(r => Math.Log(1 + r[1]) - (r[0] / 30) + random.NextDouble()).ToArray();
        var median = signal.Order().ElementAt(signal.Length / 2);
        var labels = signal.Select(s => s >= median).ToArray();
        var set = new PropensityDataset(_rows, labels);
        _scoring = new PropensityTrainer().Train(set, set, new PropensityOptions { MinimumRows = 100, MinimumPerClass = 10 }).Model;
    }

    [Benchmark(Baseline = true)]
    public float ExtractFeatures()
    {
        CustomerFeatures.Extract(Next(), _model, _now, _row);
        return _row[0];
    }

    /// <summary>The journal features alone (the part of <see cref="ExtractFeatures"/> that version 2 of the row added).</summary>
    [Benchmark]
    public float ExtractJournalFeatures()
    {
        JournalFeatures.Extract(Next(), _model, _now, _row[0], _row.AsSpan(CustomerFeatures.TabularCount));
        return _row[CustomerFeatures.TabularCount];
    }

    [Benchmark]
    public double Predict() => _scoring.Score(_rows[_customer++ % CustomerCount]);

    /// <summary>The grain's live path: a new row from the state, then a score from it.</summary>
    [Benchmark]
    public double ExtractAndPredict() => _scoring.Score(CustomerFeatures.Extract(Next(), _model, _now));

    private CustomerState Next() => _states[_customer++ % CustomerCount];
}
