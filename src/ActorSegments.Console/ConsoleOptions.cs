using System.ComponentModel.DataAnnotations;

namespace ActorSegments.WebConsole;

/// <summary>The marketers' console served under <see cref="PathBase"/> on the HTTP endpoint.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "ActorSegments:Console";

    /// <summary>Where the console lives on the HTTP endpoint.</summary>
    public const string PathBase = "/console";

    /// <summary>
    /// Whether the console is served. Off (<c>ActorSegments__Console__Enabled=false</c>): none of its routes is mapped
    /// and none of its services (sign-in cookies, antiforgery, circuits) is registered.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a sign-in lasts without use (sliding); the key is checked again on every request regardless.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "366.00:00:00")]
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Whether the sign-in cookie is marked Secure (sent over HTTPS only). Browsers accept Secure cookies from
    /// http://localhost and http://127.0.0.1; turn this off only for a console reached over plain HTTP on another host.
    /// </summary>
    public bool SecureCookie { get; set; } = true;
}
