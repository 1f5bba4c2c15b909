using System.Text;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Rules.Syntax;

namespace ActorSegments.Domain.Tests.Rules;

/// <summary>Whatever the input, the parser either returns a tree or throws <see cref="RuleSyntaxException"/>.</summary>
public sealed class RuleParserFuzzTests
{
    private static readonly string[] Fragments =
    [
        "count(", "sum(", "avg(", "min(", "max(", "first(", "last(", "did(", "in_segment(", "score(", "experiment(", ")", "(", "[", "]", ",", ".",
        "purchase", "product_viewed", ".revenue", " where ", "category", " = ", " != ", " < ", " <= ", " > ", " >= ", "<>", "==",
        " and ", " or ", " not ", " in ", " between ", " contains ", " exists", " older than ", " within ", "48h", "30d", "7d",
        "1.5", "-3", "0", "\"US\"", "'x'", "\"unterminated", "2025-11-28", "2025-11-28T10:00:00Z", "2025-13-99", "true", "false",
        "trait.", "country", "lifecycle", "cohort", "rfm.recency_score", "#comment\n", "\n", " ", "\\", "\"\\u12\"", "~", "!", "@",
        "999999999999999999999999d", "1e309", "é", "\0",
    ];

    [Fact]
    public void Parse_HundredThousandRandomInputs_OnlyEverThrowsRuleSyntaxException()
    {
        var random = new Random(20261124);
        var parsed = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var text = i % 3 == 0 ? RandomCharacters(random) : RandomFragments(random);
            try
            {
                var rule = RuleParser.Parse(text);
                // Whatever parsed must survive a round trip through its canonical text.
                Assert.Equal(rule, RuleParser.Parse(RuleFormatter.Format(rule)));
                parsed++;
            }
            catch (RuleSyntaxException ex)
            {
                Assert.True(ex.Diagnostic.Line >= 1 && ex.Diagnostic.Column >= 1, $"bad position for {Escape(text)}: {ex.Diagnostic}");
            }
            catch (Exception ex)
            {
                Assert.Fail($"input {Escape(text)} threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(parsed > 100, $"only {parsed} random inputs parsed; the generator is too noisy to exercise the grammar");
    }

    private static string RandomFragments(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(1, 14); n > 0; n--)
        {
            text.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return text.ToString();
    }

    private static string RandomCharacters(Random random)
    {
        var chars = new char[random.Next(0, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : (char)random.Next(32, 127);
        }

        return new string(chars);
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));
}
