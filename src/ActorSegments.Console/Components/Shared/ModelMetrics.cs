using System.Text.Json;

namespace ActorSegments.WebConsole.Components.Shared;

/// <summary>The figures of a model version's metrics JSON the models page shows; a figure absent from it is null.</summary>
internal sealed class ModelMetrics
{
    private readonly JsonElement _root;

    private ModelMetrics(JsonElement root) => _root = root;

    public static ModelMetrics Parse(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        return new ModelMetrics(document.RootElement.Clone());
    }

    public double? Number(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public string? Text(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The calibration bins: mean predicted probability, observed rate and customers of each non-empty bin.</summary>
    public IReadOnlyList<(double Predicted, double Observed, long Count)> Calibration() =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("calibration", out var bins) && bins.ValueKind == JsonValueKind.Array
            ? [.. bins.EnumerateArray().Select(b => (b.GetProperty("predicted").GetDouble(), b.GetProperty("observed").GetDouble(), b.GetProperty("count").GetInt64())).Where(b => b.Item3 > 0)]
            : [];

    /// <summary>The score needed for each reported percentile (p50, p80, ...), in the order stored.</summary>
    public IReadOnlyList<(string Percentile, double? Score)> PercentileCuts() =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("percentile_cuts", out var cuts) && cuts.ValueKind == JsonValueKind.Object
            ? [.. cuts.EnumerateObject().Select(c => (c.Name, c.Value.ValueKind == JsonValueKind.Number ? c.Value.GetDouble() : (double?)null))]
            : [];
}
