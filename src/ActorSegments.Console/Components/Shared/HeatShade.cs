using System.Globalization;

namespace ActorSegments.WebConsole.Components.Shared;

/// <summary>The background of an overlap cell: the accent colour, as opaque as the pair's Jaccard index is high.</summary>
internal static class HeatShade
{
    public static string Of(double jaccard) =>
        string.Create(CultureInfo.InvariantCulture, $"background-color: rgba(36, 87, 197, {Math.Clamp(jaccard, 0, 1) * 0.6:0.###})");
}
