using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Content.Tests;

/// <summary>Parse errors come back with the line and column of the problem and what was expected there.</summary>
public sealed class TemplateSyntaxTests
{
    private readonly TemplateEngine _engine = new(TemplateLimits.Default, new FakeTimeProvider());

    [Theory]
    [InlineData("Hello\n{% if segments contains \"vip\" %}\n  {{ traits.first_name | }}\n{% endif %}", 3, 25, "identifier was expected after the '|' sign")]
    [InlineData("Hi {{ traits.first_name }}\n{% if segments contains \"vip\" %}\nVIP\n", 4, 1, "'{% endif %}' was expected")]
    [InlineData("line one\nline two\n   {% for %}", 3, 10, "Invalid 'for' tag")]
    [InlineData("{{ customer.id }\nnext", 1, 15, "End of tag '}}' was expected")]
    public void Parse_BrokenMultiLineTemplate_ReportsLineColumnAndWhatWasExpected(string source, int line, int column, string expected)
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => _engine.Parse(source));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(expected, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltFilter_IsRefusedAtItsStatementInsteadOfSilentlyIgnored()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => _engine.Parse("Dear customer,\n\n  Hi {{ traits.first_name | defualt: \"there\" }}!"));

        Assert.Equal((3, 6), (error.Line, error.Column));
        Assert.Contains("unknown filter 'defualt'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KnownFilters_Pass() =>
        Assert.NotNull(_engine.Parse("{{ traits.first_name | default: \"there\" | capitalize }} {{ rfm.monetary | round: 2 }} {{ segments | join: \", \" }}"));
}
