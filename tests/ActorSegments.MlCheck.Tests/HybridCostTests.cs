using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;
using ActorSegments.Domain.Modeling.Recommendations;
using ActorSegments.ML.Recommendations;

namespace ActorSegments.MlCheck.Tests;

/// <summary>The hybrid cost bench measures what the job runs: a validated choice on data a collaborative model can use.</summary>
public sealed class HybridCostTests
{
    [Fact]
    public void Generate_SmallShop_HasAValidationSplitAndCoPurchasesBeatingPopularity()
    {
        var (catalog, interactions) = HybridCostData.Generate(600, 800, seed: 3);
        var trainer = new ItemToItemRecommender();

        var choice = HybridSelection.Select(interactions, HybridCostData.End, trainer, ContentCatalog.Loaded(catalog, ContentOptions.Default).At);

        Assert.NotNull(choice.ValidationSplit);
        Assert.Equal(choice.Collaborative.ValidationSplit, choice.ValidationSplit);
        Assert.True(RecommendationTargets.Of(interactions, choice.ValidationSplit.Value).Count >= RecommendationSelection.MinimumValidationCustomers);
        Assert.NotEmpty(choice.Candidates);
        // Thin and repeat customers both exist, so both blends are chosen on someone.
        Assert.True(choice.Candidates[0].Thin.Customers > 0 && choice.Candidates[0].Repeat.Customers > 0, $"thin {choice.Candidates[0].Thin.Customers}, repeat {choice.Candidates[0].Repeat.Customers}");
        var validation = RecommendationEvaluation.Evaluate(interactions, choice.ValidationSplit.Value, RecommendationSelection.K, trainer, choice.Collaborative.Chosen);
        Assert.True(validation.Model.PrecisionAtK > validation.Popularity.PrecisionAtK, $"model {validation.Model.PrecisionAtK}, popularity {validation.Popularity.PrecisionAtK}");
    }

    [Fact]
    public void Run_SmallShop_WritesARowAndWhatItValidatedOn()
    {
        var output = new StringWriter();
        var log = new StringWriter();

        HybridCost.Run(["600", "800"], output, log);

        Assert.StartsWith("| 600 items (", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("validated on ", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TooFewCustomersToValidate_RefusesToMeasureTheDefault()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HybridCost.Run(["600", "40"], TextWriter.Null, TextWriter.Null));

        Assert.Contains("No validation split", error.Message, StringComparison.Ordinal);
    }
}
