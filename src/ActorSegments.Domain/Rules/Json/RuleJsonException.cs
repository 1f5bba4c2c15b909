namespace ActorSegments.Domain.Rules.Json;

/// <summary>The JSON form of a rule is malformed; the message names the JSON path and what was expected.</summary>
public sealed class RuleJsonException : Exception
{
    public RuleJsonException()
    {
    }

    public RuleJsonException(string message)
        : base(message)
    {
    }

    public RuleJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
