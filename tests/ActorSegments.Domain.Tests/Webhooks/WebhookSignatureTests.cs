using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Domain.Tests.Webhooks;

/// <summary>Signing as the Standard Webhooks specification says, checked against its published test vector.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_TheSpecificationsTestVector_GivesItsSignature()
    {
        var secret = WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var signature = WebhookSignature.Sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_AnyChangeToIdTimestampOrBody_ChangesTheSignature()
    {
        var secret = WebhookSecret.Generate();
        var signature = WebhookSignature.Sign(secret, "msg_1", 100, "{}");

        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_2", 100, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 101, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 100, "{ }"));
        Assert.NotEqual(signature, WebhookSignature.Sign(WebhookSecret.Generate(), "msg_1", 100, "{}"));
    }

    [Fact]
    public void Secret_TextRoundTrips_WithOrWithoutItsPrefix_AndAWrongLengthIsRefused()
    {
        var secret = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", secret.Text, StringComparison.Ordinal);
        Assert.Equal(32, secret.Key.Length);
        Assert.Equal(secret.Text, WebhookSecret.Parse(secret.Text).Text);
        Assert.Equal(secret.Text, WebhookSecret.Parse(secret.Text["whsec_".Length..]).Text);
        Assert.NotEqual(secret.Text, WebhookSecret.Generate().Text);
        Assert.Throws<ArgumentException>(() => WebhookSecret.FromKey(new byte[8]));
        Assert.Throws<FormatException>(() => WebhookSecret.Parse("whsec_not base64!"));
    }
}
