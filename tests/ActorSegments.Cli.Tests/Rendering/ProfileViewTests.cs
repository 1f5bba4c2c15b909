using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Rendering;

/// <summary>The recommendations of a profile, with why each is recommended when the model said.</summary>
public sealed class ProfileViewTests
{
    [Fact]
    public void Write_RecommendationsWithReasons_ShowsEachItemBesideItsReason()
    {
        var profile = new CustomerProfile { CustomerId = "17850", LifecycleStage = "repeat_buyer", Recommendations = { "p-7", "p-3" }, RecommendationReasons = { "popular in Kitchen", "" } };

        var output = Render(profile);

        Assert.Matches(@"recommended\s+│ why", output);
        Assert.Matches(@"p-7\s+│ popular in Kitchen", output);
        Assert.Matches(@"p-3\s+│\s+│", output);
    }

    [Fact]
    public void Write_RecommendationsWithoutReasons_HasNoReasonTable()
    {
        var output = Render(new CustomerProfile { CustomerId = "17851", LifecycleStage = "engaged", Recommendations = { "p-7", "p-3" } });

        Assert.Contains("p-7, p-3", output, StringComparison.Ordinal);
        Assert.DoesNotContain("why", output, StringComparison.Ordinal);
    }

    private static string Render(CustomerProfile profile)
    {
        using var captured = new CapturedConsole();
        ProfileView.Write(captured.Console, profile);
        return captured.Text;
    }
}
