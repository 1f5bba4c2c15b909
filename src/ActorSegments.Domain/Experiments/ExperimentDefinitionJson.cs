using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorSegments.Domain.Experiments;

/// <summary>
/// The stored JSON form of an experiment definition: snake_case names and upper-case enum names, as in the API's JSON
/// (<c>{"id": "spring_sale", "mode": "RANDOMIZED", "arms": [{"name": "treatment", "weight": 9}], ...}</c>). Part of
/// the stored contract: members may be added (with a default value, so older rows still read), never renamed. Every
/// member is written, nulls included; a member without a default is required when read.
/// </summary>
public static class ExperimentDefinitionJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, Options);
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote; malformed JSON raises <see cref="JsonException"/>.</summary>
    public static ExperimentDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<ExperimentDefinition>(json, Options) ?? throw new JsonException("An experiment definition cannot be null.");
    }
}
