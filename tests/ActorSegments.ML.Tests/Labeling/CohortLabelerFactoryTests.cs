using System.ComponentModel.DataAnnotations;
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
    [InlineData("gemini", null, "m", "k", 10, "Provider", "must be \"none\", \"openai\" or \"ollama\" (got \"gemini\")")]
    [InlineData("ollama", "http://h:11434", null, null, 10, "Model", "is required")]
    [InlineData("ollama", null, "m", null, 10, "Endpoint", "is required with the \"ollama\" provider")]
    [InlineData("openai", "ftp://h/", "m", "k", 10, "Endpoint", "must be an absolute http or https URI (got \"ftp://h/\")")]
    [InlineData("openai", null, "m", " ", 10, "ApiKey", "is required")]
    [InlineData("openai", null, "m", "k", 0, "Timeout", "must be more than 0")]
    [InlineData("openai", null, "m", "k", 301, "Timeout", "at most 00:05:00 (got 00:05:01)")]
    public void Validate_BadSetting_SaysWhichAndWhatWasExpected(string provider, string? endpoint, string? model, string? key, int timeoutSeconds, string setting, string expected)
    {
        var options = new CohortLabelerOptions
        {
            Provider = provider,
            Endpoint = endpoint is null ? null : new Uri(endpoint),
            Model = model,
            ApiKey = key,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        var problem = Assert.Single(Problems(options));
        Assert.Equal([setting], problem.MemberNames);
        Assert.Contains(expected, problem.ErrorMessage, StringComparison.Ordinal);
        var refused = Assert.Throws<ArgumentException>(() => CohortLabelerFactory.Create(options)).Message;
        Assert.Contains($"'ActorSegments:Modeling:Labeler:{setting}' {problem.ErrorMessage}", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoneWithLeftoverSettings_Valid() =>
        Assert.Empty(Problems(new CohortLabelerOptions { Provider = "none", Timeout = TimeSpan.Zero }));

    [Fact]
    public void Validate_OllamaWithoutKey_Valid() =>
        Assert.Empty(Problems(new CohortLabelerOptions { Provider = "ollama", Endpoint = new Uri("http://localhost:11434"), Model = "llama3.2" }));

    private static List<ValidationResult> Problems(CohortLabelerOptions options) =>
        [.. options.Validate(new ValidationContext(options, nameof(CohortLabelerOptions), null, null))];
}
