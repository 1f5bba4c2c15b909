using ActorSegments.ML.Labeling;
using Microsoft.Extensions.AI;

namespace ActorSegments.ML.Tests.Labeling;

public sealed class CohortLabelerFactoryTests
{
    [Fact]
    public void Create_None_TheRules() =>
        Assert.IsType<DeterministicCohortLabeler>(CohortLabelerFactory.Create(new CohortLabelerOptions()));

    [Theory]
    [InlineData("openai", "https://models.example.com/v1", "https://models.example.com/v1")]
    [InlineData("openai", null, "https://api.openai.com/v1/")]
    [InlineData("ollama", "http://localhost:11434", "http://localhost:11434/v1")]
    [InlineData("Ollama", "http://gpu-box:11434/", "http://gpu-box:11434/v1")]
    [InlineData("ollama", "http://gpu-box:11434/v1", "http://gpu-box:11434/v1")]
    public void Create_ModelProvider_ChatLabelerAtTheOpenAiCompatibleBase(string provider, string? endpoint, string expectedBase)
    {
        var options = new CohortLabelerOptions { Provider = provider, Endpoint = endpoint is null ? null : new Uri(endpoint), Model = "llama3.2", ApiKey = "k" };

        var labeler = Assert.IsType<ChatCohortLabeler>(CohortLabelerFactory.Create(options));

        var metadata = labeler.ChatClient.GetService<ChatClientMetadata>();
        Assert.Equal(new Uri(expectedBase), metadata!.ProviderUri);
        Assert.Equal("llama3.2", metadata.DefaultModelId);
    }

    [Theory]
    [InlineData("gemini", null, "m", "k", 10, "'ActorSegments:Modeling:Labeler:Provider' (environment variable ActorSegments__Modeling__Labeler__Provider) must be \"none\", \"openai\" or \"ollama\" (got \"gemini\")")]
    [InlineData("ollama", "http://h:11434", null, null, 10, "'ActorSegments:Modeling:Labeler:Model' (environment variable ActorSegments__Modeling__Labeler__Model) is required")]
    [InlineData("ollama", null, "m", null, 10, "'ActorSegments:Modeling:Labeler:Endpoint' (environment variable ActorSegments__Modeling__Labeler__Endpoint) is required with the \"ollama\" provider")]
    [InlineData("openai", "ftp://h/", "m", "k", 10, "must be an absolute http or https URI (got \"ftp://h/\")")]
    [InlineData("openai", null, "m", " ", 10, "'ActorSegments:Modeling:Labeler:ApiKey' (environment variable ActorSegments__Modeling__Labeler__ApiKey) is required")]
    [InlineData("openai", null, "m", "k", 0, "'ActorSegments:Modeling:Labeler:Timeout' (environment variable ActorSegments__Modeling__Labeler__Timeout) must be more than 0")]
    [InlineData("openai", null, "m", "k", 301, "at most 00:05:00 (got 00:05:01)")]
    public void Validate_BadSetting_SaysWhichAndWhatWasExpected(string provider, string? endpoint, string? model, string? key, int timeoutSeconds, string expected)
    {
        var options = new CohortLabelerOptions
        {
            Provider = provider,
            Endpoint = endpoint is null ? null : new Uri(endpoint),
            Model = model,
            ApiKey = key,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        Assert.Contains(expected, Assert.Single(options.Validate()), StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => CohortLabelerFactory.Create(options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoneWithLeftoverSettings_Valid() =>
        Assert.Empty(new CohortLabelerOptions { Provider = "none", Timeout = TimeSpan.Zero }.Validate());

    [Fact]
    public void Validate_OllamaWithoutKey_Valid() =>
        Assert.Empty(new CohortLabelerOptions { Provider = "ollama", Endpoint = new Uri("http://localhost:11434"), Model = "llama3.2" }.Validate());
}
