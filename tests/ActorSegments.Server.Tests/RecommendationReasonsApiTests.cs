using System.Net.Http.Headers;
using System.Text.Json;
using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Protos.V1;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Server.Tests;

/// <summary>
/// What a recommendation job writes with its items, why each is recommended, reaches the profile API: the
/// <c>recommendation_reasons</c> field over gRPC and JSON, and the <c>rec_N_reason</c> merge fields.
/// </summary>
public sealed class RecommendationReasonsApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private const string Workspace = "reasons";

    [Fact]
    public async Task Profile_AfterAnOutputWithReasons_ShowsEachReasonBesideItsItem()
    {
        var customer = await CustomerWithAViewAsync();
        await ApplyAsync(customer, new ModelOutput("recs-1", DateTimeOffset.UtcNow) { Recommendations = ["p-7", "p-3", "p-9"], RecommendationReasons = ["bought together with WHITE HANGING HEART T-LIGHT HOLDER", "", "popular now"] });

        var profile = await ProfileAsync(customer);

        Assert.Equal(["p-7", "p-3", "p-9"], profile.Recommendations);
        Assert.Equal(["bought together with WHITE HANGING HEART T-LIGHT HOLDER", "", "popular now"], profile.RecommendationReasons);
        Assert.Equal("bought together with WHITE HANGING HEART T-LIGHT HOLDER", profile.MergeFields["rec_1_reason"]);
        Assert.False(profile.MergeFields.ContainsKey("rec_2_reason"));
        Assert.Equal("popular now", profile.MergeFields["rec_3_reason"]);
    }

    [Fact]
    public async Task Profile_AfterALaterOutputWithoutReasons_ShowsNoReasons()
    {
        var customer = await CustomerWithAViewAsync();
        await ApplyAsync(customer, new ModelOutput("recs-1", DateTimeOffset.UtcNow) { Recommendations = ["p-7"], RecommendationReasons = ["popular in Kitchen"] });
        await ApplyAsync(customer, new ModelOutput("recs-2", DateTimeOffset.UtcNow) { Recommendations = ["p-8", "p-2"] });

        var profile = await ProfileAsync(customer);

        Assert.Equal(["p-8", "p-2"], profile.Recommendations);
        Assert.Empty(profile.RecommendationReasons);
        Assert.DoesNotContain(profile.MergeFields.Keys, k => k.EndsWith("_reason", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProfileOverHttp_NamesTheReasonsRecommendationReasons()
    {
        var customer = await CustomerWithAViewAsync();
        await ApplyAsync(customer, new ModelOutput("recs-1", DateTimeOffset.UtcNow) { Recommendations = ["p-7"], RecommendationReasons = ["similar to JUMBO BAG RED RETROSPOT you viewed"] });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);

        using var response = await http.GetAsync($"/v1/workspaces/{Workspace}/customers/{customer}", Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(["similar to JUMBO BAG RED RETROSPOT you viewed"], json.GetProperty("recommendationReasons").EnumerateArray().Select(r => r.GetString()));
    }

    private async Task<string> CustomerWithAViewAsync()
    {
        var customer = Events.NewCustomerId();
        var view = Events.Make(customer, "product_viewed", occurredAt: DateTimeOffset.UtcNow.AddHours(-1), workspaceId: Workspace);
        await Server.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { view } }, cancellationToken: Ct);
        return customer;
    }

    /// <summary>As a model job writes back: straight to the customer grain (no public API takes model outputs).</summary>
    private async Task ApplyAsync(string customer, ModelOutput output) =>
        Assert.True(await Server.Services.GetRequiredService<IGrainFactory>().GetCustomer(Workspace, customer).ApplyModelOutputsAsync(output));

    private async Task<CustomerProfile> ProfileAsync(string customer) =>
        await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = Workspace, CustomerId = customer }, cancellationToken: Ct);
}
