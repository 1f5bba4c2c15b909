namespace ActorSegments.Domain.Schema;

/// <summary>A workspace schema document is malformed; the message starts with the JSON path at fault.</summary>
public sealed class SchemaJsonException : Exception
{
    public SchemaJsonException()
        : base("The schema is not valid.")
    {
    }

    public SchemaJsonException(string message)
        : base(message)
    {
    }

    public SchemaJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
