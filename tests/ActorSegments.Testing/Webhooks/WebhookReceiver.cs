using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace ActorSegments.Testing.Webhooks;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 that verifies every message's signature with the StandardWebhooks library (an
/// implementation of the specification not written here) and answers as <see cref="Behavior"/> says: accept, fail,
/// ask to retry later, be unavailable, or take longer than the sender waits. Each accepted message keeps when it
/// arrived and the sender's port, which tells a test which process sent it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedMessage> _accepted = new();
    private int _invalidSignatures;
    private int _requests;

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        Url = $"http://127.0.0.1:{port}/hook";
    }

    public string Url { get; }

    public int Port { get; }

    /// <summary>The signing secret to verify with; set once the webhook is created.</summary>
    public string? Secret { get; set; }

    /// <summary>How the next request is answered; accept by default.</summary>
    public Func<int, ReceiverAnswer> Behavior { get; set; } = _ => ReceiverAnswer.Accept;

    /// <summary>How long a <see cref="ReceiverAnswer.Slow"/> answer takes.</summary>
    public TimeSpan SlowBy { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyCollection<ReceivedMessage> Accepted => _accepted;

    public int InvalidSignatures => Volatile.Read(ref _invalidSignatures);

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var app = await LoopbackWebApp.StartAsync(a => a.MapPost("/hook", (HttpContext context) => receiver!.HandleAsync(context)));
        var port = new Uri(app.Urls.First()).Port;
        receiver = new WebhookReceiver(app, port);
        return receiver;
    }

    /// <summary>Every change accepted, first receipt only, in the order received: (segment, change id, customer, enter).</summary>
    public List<ReceivedChange> DistinctChanges()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<ReceivedChange>();
        foreach (var message in _accepted)
        {
            using var json = JsonDocument.Parse(message.Body);
            if (json.RootElement.GetProperty("type").GetString() != "segment.changes")
            {
                continue;
            }

            var segment = json.RootElement.GetProperty("segment_id").GetString()!;
            foreach (var change in json.RootElement.GetProperty("changes").EnumerateArray())
            {
                var id = change.GetProperty("id").GetString()!;
                if (seen.Add(id))
                {
                    changes.Add(new ReceivedChange(segment, id, change.GetProperty("cursor").GetString()!, change.GetProperty("customer_id").GetString()!, change.GetProperty("change").GetString() == "enter"));
                }
            }
        }

        return changes;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        try
        {
            new StandardWebhook(Secret ?? throw new InvalidOperationException("no secret yet")).Verify(body, context.Request.Headers);
        }
        catch (Exception ex) when (ex is StandardWebhooks.Diagnostics.WebhookVerificationException or InvalidOperationException or FormatException)
        {
            Interlocked.Increment(ref _invalidSignatures);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        switch (Behavior(number))
        {
            case ReceiverAnswer.Fail:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("receiver is down for maintenance", context.RequestAborted);
                return;
            case ReceiverAnswer.Unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case ReceiverAnswer.FailNamingCustomers:
                context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                await context.Response.WriteAsync("unknown customers: " + string.Join(", ", CustomerIds(body)), context.RequestAborted);
                return;
            case ReceiverAnswer.TooMany:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                return;
            case ReceiverAnswer.Slow:
                // The sender gives up first; what arrives here was still processed, as a real receiver might have.
                await Task.Delay(SlowBy, CancellationToken.None);
                break;
        }

        _accepted.Enqueue(new ReceivedMessage(
            context.Request.Headers["webhook-id"].ToString(),
            body,
            context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(),
            DateTimeOffset.UtcNow,
            context.Connection.RemotePort));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static IEnumerable<string> CustomerIds(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("changes", out var changes)
            ? [.. changes.EnumerateArray().Select(c => c.GetProperty("customer_id").GetString() ?? string.Empty)]
            : [];
    }
}
