using ActorSegments.Domain.Features;

namespace ActorSegments.Domain.Tests.Features;

/// <summary>docs/ml.md documents every feature of the row as the code defines it: name, meaning, transform, aging, default.</summary>
public sealed class FeatureDocumentationTests
{
    [Fact]
    public void TheFeatureTableInTheMlDocs_MatchesTheFeatureDefinitions()
    {
        var rows = File.ReadAllLines(RepositoryFiles.Path("docs", "ml.md"))
            .SkipWhile(l => l != "## The feature row")
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (Name: c[1].Trim('`'), Description: c[2], Transform: c[3], Ages: c[4], Default: c[5]))
            .ToList();

        Assert.Equal(CustomerFeatures.Definitions.Select(d => d.Name), rows.Select(r => r.Name));
        foreach (var (definition, row) in CustomerFeatures.Definitions.Zip(rows))
        {
            Assert.Equal(definition.Description, row.Description);
            Assert.Equal(definition.Transform == FeatureTransform.Log1p ? "log1p, then z-score" : "z-score", row.Transform);
            Assert.Equal(definition.DaysSince ? "+1 per day" : "", row.Ages);
            Assert.Equal(CustomerFeatures.DefaultCohortFeatures.Contains(definition.Name) ? "yes" : "", row.Default);
        }
    }
}
