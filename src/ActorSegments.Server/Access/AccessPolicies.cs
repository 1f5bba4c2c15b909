namespace ActorSegments.Server.Access;

/// <summary>The authentication schemes and authorization policies of the API and the dashboard.</summary>
internal static class AccessPolicies
{
    /// <summary>API keys as API clients send them: <c>authorization: Bearer &lt;key&gt;</c> or <c>x-api-key: &lt;key&gt;</c>.</summary>
    public const string ApiKeyScheme = "ActorSegments.ApiKey";

    /// <summary>API keys as the dashboard takes them: the password of HTTP Basic authentication, or a bearer token.</summary>
    public const string DashboardScheme = "ActorSegments.Dashboard";

    /// <summary>Every call of the ActorSegments services: a valid key (or an open server). Scope and workspace are checked per request (<see cref="CallAccess"/>).</summary>
    public const string Caller = "ActorSegments.Caller";

    /// <summary>The dashboard: a key of every workspace (the bootstrap key).</summary>
    public const string Dashboard = "ActorSegments.Dashboard";
}
