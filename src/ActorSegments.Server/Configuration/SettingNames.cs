namespace ActorSegments.Server.Configuration;

/// <summary>Spells a configuration key the two ways an operator may set it, for error messages.</summary>
internal static class SettingNames
{
    /// <summary>"'A:B:C' (environment variable A__B__C)".</summary>
    public static string Describe(string section, string key)
    {
        var path = $"{section}:{key}";
        return $"'{path}' (environment variable {path.Replace(":", "__", StringComparison.Ordinal)})";
    }
}
