using System.Net;

namespace ActorSegments.Console.Tests;

/// <summary>The console's routes exist only under /console, and not at all when it is off. Plain HTTP: no browser needed.</summary>
public sealed class ConsoleOffTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConsoleOff_Routes_AreNotMapped()
    {
        await using var server = await ConsoleServer.StartAsync(["--ActorSegments:Console:Enabled=false"]);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        foreach (var path in (string[])["console/", "console/signin", "console/segments", "console/_framework/blazor.web.js", "console/_content/ActorSegments.Console/console.css"])
        {
            using var response = await http.GetAsync(new Uri(server.HttpBase, path), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        using var health = await http.GetAsync(new Uri(server.HttpBase, "healthz"), Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ConsoleOn_RoutesOutsideItsPath_AreNotServed()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var signIn = await http.GetAsync(new Uri(fixture.Server.HttpBase, "console/signin"), Ct);
        using var rootSignIn = await http.GetAsync(new Uri(fixture.Server.HttpBase, "signin"), Ct);
        using var rootScript = await http.GetAsync(new Uri(fixture.Server.HttpBase, "_framework/blazor.web.js"), Ct);
        using var script = await http.GetAsync(new Uri(fixture.Server.HttpBase, "console/_framework/blazor.web.js"), Ct);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rootSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rootScript.StatusCode);
    }
}
