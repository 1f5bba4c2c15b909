using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.MlCheck;

/// <summary>
/// How <see cref="RecommendationSelection"/> chose: the validation period, each candidate's precision@10 and
/// recall@10 there, and the choice; the same figures go to <c>ours.csv</c> for the peer's own selection to compare.
/// </summary>
internal static class RecommendationChoiceTable
{
    public static void Write(TextWriter output, RecommendationChoice choice, long cutoff, OurFigures figures)
    {
        if (choice.ValidationSplit is not { } split)
        {
            output.WriteLine($"Fewer than {RecommendationSelection.MinimumValidationCustomers} customers to validate on in the last 90 days before {CsvExport.Date(cutoff)}: the default ({RecommendationLabels.Of(choice.Chosen)}) kept.");
            output.WriteLine();
            return;
        }

        output.WriteLine($"Validation: trained before {CsvExport.Date(split)}, scored on purchases from then to {CsvExport.Date(cutoff)} (precision@{RecommendationSelection.K}, ties to the first listed):");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["candidate", "customers", $"precision@{RecommendationSelection.K}", $"recall@{RecommendationSelection.K}", ""],
            choice.Candidates.Select(c => new[]
            {
                RecommendationLabels.Of(c.Options),
                $"{c.Validation.Customers:N0}",
                RecommendationCheck.F(c.Validation.PrecisionAtK),
                RecommendationCheck.F(c.Validation.RecallAtK),
                c.Options == choice.Chosen ? "chosen" : "",
            }));
        foreach (var candidate in choice.Candidates)
        {
            figures.Add($"rec_validation_precision_at_10_{RecommendationLabels.FigureSuffix(candidate.Options)}", candidate.Validation.PrecisionAtK);
            figures.Add($"rec_validation_recall_at_10_{RecommendationLabels.FigureSuffix(candidate.Options)}", candidate.Validation.RecallAtK);
        }
    }
}
