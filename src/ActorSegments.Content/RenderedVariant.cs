namespace ActorSegments.Content;

/// <summary>One distinct rendering of a template over a sample: the text, how many customers get it, a few of them.</summary>
public sealed record RenderedVariant(string Content, int Customers, IReadOnlyList<string> ExampleCustomerIds);
