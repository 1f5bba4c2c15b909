using System.ComponentModel;

namespace ActorSegments.ML.Labeling;

/// <summary>One cohort's label in a language model's answer.</summary>
internal sealed record ChatLabel(
    [property: Description("2 to 4 words in title case, at most 40 characters, describing behaviour.")] string? Name,
    [property: Description("One sentence of at most 200 characters with concrete numbers from the data.")] string? Description);
