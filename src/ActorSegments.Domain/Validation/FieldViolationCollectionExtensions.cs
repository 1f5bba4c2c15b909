namespace ActorSegments.Domain.Validation;

public static class FieldViolationCollectionExtensions
{
    /// <summary>Records a violation of <paramref name="field"/> when a check returned a problem (checks return null when fine).</summary>
    public static void AddIfProblem(this ICollection<FieldViolation> violations, string field, string? problem)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (problem is not null)
        {
            violations.Add(new FieldViolation(field, problem));
        }
    }
}
