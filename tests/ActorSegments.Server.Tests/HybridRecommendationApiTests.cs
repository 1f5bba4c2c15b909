using ActorSegments.Protos.V1;
using ActorSegments.Testing;

using static ActorSegments.Server.Tests.ModelingScenario;

namespace ActorSegments.Server.Tests;

/// <summary>
/// The hybrid recommender over the API: a loaded catalog's item nobody has touched yet reaches a customer through its
/// description, every recommended item carries its reason in the profile and the merge fields, and the stored model
/// says what it blended.
/// </summary>
public sealed class HybridRecommendationApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task ANewCatalogItem_ReachesACustomerThroughContentWithItsReason()
    {
        var workspace = await Server.NewWorkspaceAsync();
        var now = DateTimeOffset.UtcNow;
        var upsert = new UpsertItemsRequest { WorkspaceId = workspace };
        upsert.Items.Add(new CatalogItem { ItemId = "mug-1", Title = "Red enamel mug", Category = "Home > Kitchen" });
        upsert.Items.Add(new CatalogItem { ItemId = "mug-2", Title = "Red enamel mug, large", Category = "Home > Kitchen" });
        upsert.Items.Add(new CatalogItem { ItemId = "lamp-1", Title = "Brass desk lamp", Category = "Home > Lighting" });
        upsert.Items.Add(new CatalogItem { ItemId = "lamp-2", Title = "Brass desk lamp with shade", Category = "Home > Lighting" });
        await new CatalogService.CatalogServiceClient(Server.As(RunningServer.BootstrapKey).Invoker).UpsertItemsAsync(upsert, cancellationToken: Ct);
        var regulars = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            // Regulars buy both mugs together; nobody ever touches the lamp with shade.
            var customer = Events.NewCustomerId();
            regulars.Add(customer);
            await TrackAsync(Server, workspace, Purchase(customer, now.AddDays(-20 + (i % 5)), 12, "mug-1"), Purchase(customer, now.AddDays(-20 + (i % 5)), 12, "mug-2"));
        }

        // Only this customer bought the desk lamp: collaborative filtering has no co-purchase to go on.
        var lampBuyer = Events.NewCustomerId();
        await TrackAsync(Server, workspace, Purchase(lampBuyer, now.AddDays(-2), 40, "lamp-1"));
        var mugBuyer = Events.NewCustomerId();
        await TrackAsync(Server, workspace, Purchase(mugBuyer, now.AddDays(-1), 12, "mug-1"));

        var training = await TrainAndWaitAsync(Server, workspace, "recommendations");
        var lamp = await Eventually.ReturnsAsync(() => ProfileAsync(Server, workspace, lampBuyer), p => p.Recommendations.Count > 0);
        var mug = await Eventually.ReturnsAsync(() => ProfileAsync(Server, workspace, mugBuyer), p => p.Recommendations.Count > 0);
        var model = (await Server.Models.ListModelsAsync(new ListModelsRequest { WorkspaceId = workspace }, cancellationToken: Ct)).Models.Single();

        Assert.Equal(ModelTrainingState.Succeeded, training.TrainingState);
        Assert.Equal("lamp-2", lamp.Recommendations[0]);
        Assert.Equal("similar to Brass desk lamp you bought", lamp.RecommendationReasons[0]);
        Assert.Equal(lamp.RecommendationReasons[0], lamp.MergeFields["rec_1_reason"]);
        Assert.DoesNotContain("lamp-1", lamp.Recommendations);
        Assert.Equal("mug-2", mug.Recommendations[0]);
        Assert.Equal("bought together with Red enamel mug", mug.RecommendationReasons[0]);
        Assert.Equal(mug.Recommendations.Count, mug.RecommendationReasons.Count);
        Assert.Equal("hybrid", model.Kind);
        Assert.Equal("loaded", model.Metrics.Fields["catalog"].StringValue);
        Assert.Equal(4, model.Metrics.Fields["catalog_items"].NumberValue);
    }
}
