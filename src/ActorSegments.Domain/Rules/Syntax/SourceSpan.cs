namespace ActorSegments.Domain.Rules.Syntax;

/// <summary>
/// Where a piece of a rule came from in its text. Positions are metadata: two trees that differ only in where they
/// were written are equal, so a tree, its JSON form and its formatted text compare equal after a round trip.
/// </summary>
public readonly struct SourceSpan(int line, int column, int offset, int length) : IEquatable<SourceSpan>
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public int Offset { get; } = offset;

    public int Length { get; } = length;

    /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        new(first.Line, first.Column, first.Offset, Math.Max(0, last.Offset + last.Length - first.Offset));

    public bool Equals(SourceSpan other) => true;

    public override bool Equals(object? obj) => obj is SourceSpan;

    public override int GetHashCode() => 0;

    public static bool operator ==(SourceSpan left, SourceSpan right) => left.Equals(right);

    public static bool operator !=(SourceSpan left, SourceSpan right) => !left.Equals(right);

    public RuleDiagnostic Diagnostic(string message) => new(Line, Column, Length, message);
}
