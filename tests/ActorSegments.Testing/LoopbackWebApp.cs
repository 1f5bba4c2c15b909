using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorSegments.Testing;

/// <summary>A small Kestrel app on 127.0.0.1, at a port the system picks, logging nothing: a fake server tests reach over HTTP.</summary>
public static class LoopbackWebApp
{
    /// <summary>Builds the app, lets <paramref name="map"/> add its endpoints, and starts it; <c>Urls</c> then holds its address.</summary>
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
