namespace ActorSegments.MlCheck.Tests;

/// <summary>The content-based check on planted data: it runs anywhere and exports what the scikit-learn peer reads.</summary>
public sealed class ContentCheckTests
{
    [Fact]
    public void Run_ComparesTheThreeModelsBySegment_AndExportsThePeersRows()
    {
        var directory = Directory.CreateTempSubdirectory("content-check-test-").FullName;
        try
        {
            var (path, cleanLines) = SyntheticRetail.Write(directory, 240, seed: 5);
            var output = new StringWriter();
            var exported = Path.Combine(directory, "out");

            // Throws if its segmented evaluation disagrees with RecommendationEvaluation on the collaborative model.
            ContentCheck.Run(path, exported, output, TextWriter.Null);

            foreach (var row in new[] { "| content, catalog of the whole year | all items |", "| collaborative, ", "| popularity | customers with one order |" })
            {
                Assert.Contains(row, output.ToString(), StringComparison.Ordinal);
            }

            var interactions = File.ReadAllLines(Path.Combine(exported, "content_interactions.csv"));
            Assert.Equal("customer_id,item_id,kind,at", interactions[0]);
            Assert.Equal(cleanLines + 1, interactions.Length);
            // Items are read by their text: title, description and tags, one per line of a quoted field.
            var catalog = File.ReadAllText(Path.Combine(exported, "content_catalog.csv"));
            Assert.StartsWith("item_id,text\n\"F", catalog, StringComparison.Ordinal);
            Assert.Contains("\",\"\nITEM F", catalog, StringComparison.Ordinal);
            var figures = File.ReadAllLines(Path.Combine(exported, "content_ours.csv"));
            Assert.Contains(figures, line => line.StartsWith("content_all_precision_at_10,", StringComparison.Ordinal));
            Assert.Contains(figures, line => line.StartsWith("collaborative_new_items_customers,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
