using Fluid;

namespace ActorSegments.Content;

/// <summary>A template that parsed and passed the sandbox's checks; render it any number of times, from any thread.</summary>
public sealed class ParsedTemplate
{
    internal ParsedTemplate(IFluidTemplate template) => Template = template;

    internal IFluidTemplate Template { get; }
}
