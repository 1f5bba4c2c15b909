using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorSegments.Postgres.Modeling;

/// <summary>How cohort runs and settings are written as JSON: readable in <c>psql</c>, and exact on the way back.</summary>
internal static class ModelingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // A silhouette or inertia may be NaN (one cohort, too few rows); JSON has no number for it.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
}
