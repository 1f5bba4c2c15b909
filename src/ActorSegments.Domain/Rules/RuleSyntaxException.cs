namespace ActorSegments.Domain.Rules;

/// <summary>The rule text could not be read; <see cref="Diagnostic"/> says where and what was expected.</summary>
public sealed class RuleSyntaxException : Exception
{
    public RuleSyntaxException()
        : this(new RuleDiagnostic(1, 1, 0, "invalid rule"))
    {
    }

    public RuleSyntaxException(string message)
        : this(new RuleDiagnostic(1, 1, 0, message))
    {
    }

    public RuleSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostic = new RuleDiagnostic(1, 1, 0, message);
    }

    public RuleSyntaxException(RuleDiagnostic diagnostic)
        : base(diagnostic?.ToString())
    {
        Diagnostic = diagnostic ?? throw new ArgumentNullException(nameof(diagnostic));
    }

    public RuleDiagnostic Diagnostic { get; }
}
