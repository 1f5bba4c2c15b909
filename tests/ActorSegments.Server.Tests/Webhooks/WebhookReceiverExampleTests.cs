using System.Diagnostics;
using System.Text.Json;
using ActorSegments.Protos.V1;
using ActorSegments.Testing.Webhooks;
using static ActorSegments.Server.Tests.Webhooks.WebhookScenario;

namespace ActorSegments.Server.Tests.Webhooks;

/// <summary>The receiver example in docs/examples verifies what the server signs, and refuses a tampered body.</summary>
public sealed class WebhookReceiverExampleTests(WebhookServerFixture fixture) : IClassFixture<WebhookServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDocumentedPythonVerify_AcceptsASignedMessageAndRefusesATamperedOne()
    {
        const string workspace = "hooks-example";
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Client(fixture.Server).CreateWebhookAsync(new CreateWebhookRequest { WorkspaceId = workspace, Webhook = new Webhook { WebhookId = "doc", Url = receiver.Url } }, cancellationToken: Ct);
        receiver.Secret = created.Secret;
        await Client(fixture.Server).TestWebhookAsync(new TestWebhookRequest { WorkspaceId = workspace, WebhookId = "doc" }, cancellationToken: Ct);
        var message = Assert.Single(receiver.Accepted);

        var (verified, output) = await VerifyWithExampleAsync(created.Secret, message);
        var (tampered, error) = await VerifyWithExampleAsync(created.Secret, message with { Body = message.Body.Replace("doc", "dog", StringComparison.Ordinal) });

        Assert.True(verified, output);
        Assert.Equal("webhook.test", JsonDocument.Parse(output).RootElement.GetProperty("type").GetString());
        Assert.False(tampered);
        Assert.Contains("no valid signature", error, StringComparison.Ordinal);
    }

    private static async Task<(bool Succeeded, string Output)> VerifyWithExampleAsync(string secret, ReceivedMessage message)
    {
        const string Script = """
            import json, sys
            sys.path.insert(0, sys.argv[1])
            import webhook_receiver
            request = json.load(sys.stdin)
            print(json.dumps(webhook_receiver.verify(request["secret"], request["headers"], request["body"].encode())))
            """;
        var examples = Path.Combine(RepositoryFiles.Root, "docs", "examples");
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(examples);
        using var python = Process.Start(start)!;
        var request = JsonSerializer.Serialize(new
        {
            secret,
            headers = new Dictionary<string, string> { ["webhook-id"] = message.Id, ["webhook-timestamp"] = message.Timestamp, ["webhook-signature"] = message.Signature },
            body = message.Body,
        });
        await python.StandardInput.WriteAsync(request);
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync(Ct);
        var error = await python.StandardError.ReadToEndAsync(Ct);
        await python.WaitForExitAsync(Ct);
        return (python.ExitCode == 0, python.ExitCode == 0 ? output : error);
    }
}
