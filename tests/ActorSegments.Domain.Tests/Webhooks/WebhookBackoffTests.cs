using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Domain.Tests.Webhooks;

/// <summary>Retry delays: doubling with jitter up to a ceiling, and a receiver's Retry-After when it asks for longer.</summary>
public sealed class WebhookBackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999999, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(9, 0.0, 128_000)]
    [InlineData(10, 0.0, 150_000)]
    [InlineData(30, 0.999999, 300_000)]
    public void Delay_DoublesPerFailure_WithinHalfToAllOfIt_UpToFiveMinutes(int failures, double random, double expectedMs)
    {
        Assert.Equal(expectedMs, WebhookBackoff.Delay(failures, null, random).TotalMilliseconds, 0);
    }

    [Fact]
    public void Delay_RetryAfter_IsHonoredWhenLonger_UpToAnHour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookBackoff.Delay(1, TimeSpan.FromSeconds(30), 0.5));
        Assert.Equal(TimeSpan.FromSeconds(0.75), WebhookBackoff.Delay(1, TimeSpan.FromMilliseconds(10), 0.5));
        Assert.Equal(TimeSpan.FromHours(1), WebhookBackoff.Delay(1, TimeSpan.FromDays(2), 0.5));
    }

    [Fact]
    public void Delay_ConfiguredBounds_Apply_AndNonsenseIsRefused()
    {
        Assert.Equal(400, WebhookBackoff.Delay(6, null, 0.999999, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400)).TotalMilliseconds, 0);
        Assert.Equal(50, WebhookBackoff.Delay(1, null, 0.999999, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400)).TotalMilliseconds, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookBackoff.Delay(0, null, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookBackoff.Delay(1, null, 1.0));
    }
}
