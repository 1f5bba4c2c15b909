using System.Reflection;
using ActorSegments.WebConsole.Access;
using ActorSegments.WebConsole.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActorSegments.WebConsole.Hosting;

/// <summary>Registers and maps the console; with <see cref="ConsoleOptions.Enabled"/> off, neither does anything.</summary>
public static class ConsoleHostingExtensions
{
    /// <summary>
    /// The console's services: Razor components with interactive server rendering, the sign-in cookie, antiforgery.
    /// Needs an <see cref="Domain.Access.ICallerAuthenticator"/> and the grains layer's services from the host.
    /// </summary>
    /// <param name="builder">The host's builder.</param>
    /// <param name="host">
    /// The host application's assembly: its static web assets manifests hold the console's files and Blazor's script.
    /// Named explicitly because the process may be another (a test host or the CLI's demo hosting the server).
    /// </param>
    /// <param name="options">
    /// The console's settings, bound and validated by the host as every section is (<see cref="ConsoleOptions.SectionName"/>).
    /// </param>
    public static WebApplicationBuilder AddActorSegmentsConsole(this WebApplicationBuilder builder, Assembly host, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return builder;
        }

        // The console's styles and Blazor's script are static web assets; outside a publish (tests, `dotnet run` in
        // Production) they are found through the build's manifest. A published server has them in wwwroot.
        var assets = new ConsoleAssets(host.GetName().Name!);
        builder.Services.AddSingleton(assets);
        if (File.Exists(assets.RuntimeManifest))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, assets.RuntimeManifest);
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        // No default scheme: only console endpoints authenticate (through their policy); an API call never looks at cookies,
        // which a default scheme would otherwise make every request do.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication()
            .AddCookie(ConsoleCookie.Scheme, o =>
            {
                o.Cookie.Name = ConsoleCookie.CookieName;
                o.Cookie.Path = ConsoleOptions.PathBase;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = options.SecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/signin";
                o.ExpireTimeSpan = options.SessionDuration;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ConsoleCookie.ValidateAsync;
            });
        builder.Services.AddAuthorizationBuilder().AddPolicy(ConsoleCookie.Policy, p => p
            .AddAuthenticationSchemes(ConsoleCookie.Scheme)
            .RequireAuthenticatedUser());
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "actorsegments-console-antiforgery";
            o.Cookie.Path = ConsoleOptions.PathBase;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Antiforgery refuses to issue a Secure cookie over plain HTTP (the laptop case); its cookie proves nothing
            // alone (the token in the form must match it), so it follows the request.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddSingleton<WorkspaceChoices>();
        builder.Services.AddSingleton<Metrics.IngestRate>();
        builder.Services.AddSingleton<Actions.CohortAudience>();
        return builder;
    }

    /// <summary>
    /// Places routing after the console's path base (<see cref="ConsoleOptions.PathBase"/>); call it first, right after
    /// building the app: the host's middleware relies on routing. The host then adds its own middleware,
    /// <c>UseAuthentication</c> and <c>UseAuthorization</c>, and <see cref="UseActorSegmentsConsole"/>.
    /// </summary>
    public static WebApplication UseActorSegmentsConsoleRouting(this WebApplication app)
    {
        var enabled = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled;
        if (enabled)
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments(ConsoleOptions.PathBase), b => b.UsePathBase(ConsoleOptions.PathBase));
        }

        app.UseRouting();
        if (enabled)
        {
            app.UseMiddleware<ConsoleRouteGuard>();
        }

        return app;
    }

    /// <summary>
    /// Maps the console under <see cref="ConsoleOptions.PathBase"/>, with its guards; after the host's
    /// <c>UseAuthorization</c> (its pages and changes need the sign-in cookie's principal).
    /// </summary>
    public static WebApplication UseActorSegmentsConsole(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseMiddleware<ChangeScopeGuard>();
        app.UseAntiforgery();

        app.MapStaticAssets(app.Services.GetRequiredService<ConsoleAssets>().EndpointsManifest).Add(ConsoleRouteGuard.Mark);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(ConsoleCookie.Policy)
            .Add(ConsoleRouteGuard.Mark);
        var endpoints = app.MapGroup(string.Empty);
        ((IEndpointConventionBuilder)endpoints).Add(ConsoleRouteGuard.Mark);
        ConsoleEndpoints.Map(endpoints);
        return app;
    }
}
