namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// What erasing a customer did: whether anything was stored under the id, the segments it left (their exits are in the
/// change feed), rows removed or redacted per table, whether the id was already erased before, and the hash
/// the suppression list and the audit log know it by.
/// </summary>
[GenerateSerializer, Immutable, Alias("actorsegments.erasure-result")]
public sealed record ErasureResult(
    [property: Id(0)] bool Found,
    [property: Id(1)] IReadOnlyList<string> Exits,
    [property: Id(2)] IReadOnlyDictionary<string, long> Rows,
    [property: Id(3)] bool AlreadyErased,
    [property: Id(4)] string IdHash);
