using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.ML.Uplift;

namespace ActorSegments.ML.Tests.Uplift;

/// <summary>
/// The two-model learner on a planted experiment: customers with the first feature at 1 buy 30 points more often when
/// messaged, the others 5 points less often, whatever their baseline (which rises with the second feature).
/// </summary>
public sealed class TwoModelUpliftTrainerTests
{
    private static UpliftDataset Planted(int customers, int seed, double treatedShare = 0.5)
    {
        var random = new Random(seed);
        var rows = new List<float[]>();
        var treated = new List<bool>();
        var converted = new List<bool>();
        for (var i = 0; i < customers; i++)
        {
            var persuadable = random.NextDouble() < 0.4;
            var activity = (float)random.NextDouble();
            var messaged = random.NextDouble() < treatedShare;
            var chance = 0.1 + (0.3 * activity) + (messaged ? (persuadable ? 0.3 : -0.05) : 0);
            rows.Add([persuadable ? 1 : 0, activity, (float)random.NextDouble()]);
            treated.Add(messaged);
            converted.Add(random.NextDouble() < chance);
        }

        return new UpliftDataset(rows, treated, converted);
    }

    [Fact]
    public void Train_PlantedEffects_ArePredictedWithTheirSignsAndSizes()
    {
        var trained = new TwoModelUpliftTrainer().Train(Planted(6000, 1), Planted(2000, 2), UpliftDefaults.Options, TestContext.Current.CancellationToken);

        var test = Planted(2000, 3);
        var persuadable = test.Rows.Where(r => r[0] == 1).Select(r => trained.Model.Score(r)).Average();
        var others = test.Rows.Where(r => r[0] == 0).Select(r => trained.Model.Score(r)).Average();

        Assert.InRange(persuadable, 0.22, 0.38);
        Assert.InRange(others, -0.12, 0.02);
        Assert.InRange(trained.TreatedModel.Auc, 0.6, 1);
        Assert.Contains("T-learner", trained.Trainer, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TheStoredPayload_ScoresAsTheTrainedModel()
    {
        var trained = new TwoModelUpliftTrainer().Train(Planted(3000, 4), Planted(1000, 5), UpliftDefaults.Options, TestContext.Current.CancellationToken);

        var loaded = new UpliftModelLoader().Load(trained.Payload);

        foreach (var row in Planted(200, 6).Rows)
        {
            Assert.Equal(trained.Model.Score(row), loaded.Score(row), 6);
        }
    }

    [Fact]
    public void Train_AnArmTooSmallForAnOutcomeModel_FailsNamingTheArm()
    {
        var error = Assert.Throws<InsufficientDataException>(() => new TwoModelUpliftTrainer().Train(Planted(600, 7, treatedShare: 0.95), Planted(600, 8, treatedShare: 0.95), UpliftDefaults.Options, TestContext.Current.CancellationToken));

        Assert.StartsWith("The control customers cannot support an outcome model.", error.Message, StringComparison.Ordinal);
    }
}
