using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorSegments.Domain.Webhooks;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Webhooks;

/// <summary>
/// POSTs signed webhook messages. The address is vetted when connecting, after the name is resolved, so a name that
/// resolves to an internal address (or is made to, later) is refused; redirects are not followed, since they could
/// lead anywhere. Only a short excerpt of an error response is kept.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private const int ExcerptLength = 300;
    private readonly HttpClient _client;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        var policy = new NetworkAddressPolicy([.. _options.AllowedNetworks.Select(IPNetwork.Parse)]);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = _options.RequestTimeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("ActorSegments-Webhooks/1");
    }

    public async Task<WebhookSendResult> SendAsync(Uri url, WebhookSecret secret, string messageId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.IdHeader, messageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, messageId, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new WebhookSendResult(WebhookDeliveryOutcome.Delivered, status, Stopwatch.GetElapsedTime(started), null, null);
            }

            var excerpt = await ExcerptAsync(response, timeout.Token);
            return new WebhookSendResult(WebhookDeliveryOutcome.Failed, status, Stopwatch.GetElapsedTime(started), RetryAfter(response), $"HTTP {status}{(excerpt.Length > 0 ? ": " + excerpt : string.Empty)}");
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refused)
        {
            return new WebhookSendResult(WebhookDeliveryOutcome.Refused, null, Stopwatch.GetElapsedTime(started), null, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookSendResult(WebhookDeliveryOutcome.Failed, null, Stopwatch.GetElapsedTime(started), null, Shorten(ex.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(WebhookDeliveryOutcome.Failed, null, Stopwatch.GetElapsedTime(started), null, $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(NetworkAddressPolicy policy, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var refusals = addresses.Select(a => (Address: a, Refusal: policy.Refusal(a))).ToList();
        var allowed = refusals.Where(r => r.Refusal is null).Select(r => r.Address).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(refusals.Count == 0 ? $"{host} has no address" : $"refused: {refusals[0].Refusal}");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static WebhookAddressRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebhookAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _clock.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[ExcerptLength * 2];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Shorten(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return string.Empty;
        }
    }

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= ExcerptLength ? flat : flat[..ExcerptLength] + "...";
    }
}
