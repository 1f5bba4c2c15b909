namespace ActorSegments.Domain.Rules.Ast;

public enum AgeOperator : byte
{
    /// <summary>At least this long ago.</summary>
    OlderThan,

    /// <summary>Less than this long ago.</summary>
    Within,
}
