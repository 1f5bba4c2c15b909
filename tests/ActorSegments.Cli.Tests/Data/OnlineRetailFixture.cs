using ActorSegments.Datasets.Retail;

namespace ActorSegments.Cli.Tests.Data;

/// <summary>Reads the real file once for all the figure tests: the cleaning counts and the reference RFM.</summary>
public sealed class OnlineRetailFixture
{
    private readonly Lazy<(IReadOnlyList<CleaningStep> Steps, RfmSummary Rfm)> _figures = new(() =>
    {
        var cleaning = new RetailCleaning();
        var rfm = RfmReference.Compute(cleaning.Clean(RetailCsv.ReadFile(RetailDataFile.Require())), RfmReference.OnlineRetailReferenceDate);
        return (cleaning.Steps, rfm);
    });

    internal IReadOnlyList<CleaningStep> Steps => Figures.Steps;

    internal RfmSummary Rfm => Figures.Rfm;

    // Locate first so a missing file skips (or fails in CI) each test with the clear message, not a Lazy error.
    private (IReadOnlyList<CleaningStep> Steps, RfmSummary Rfm) Figures
    {
        get
        {
            RetailDataFile.Require();
            return _figures.Value;
        }
    }
}
