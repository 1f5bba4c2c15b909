namespace ActorSegments.Domain.Rules;

/// <summary>A problem in a rule, located by line and column (both 1-based) and the length of the offending text.</summary>
public sealed record RuleDiagnostic(int Line, int Column, int Length, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
