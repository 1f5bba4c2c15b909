namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>A condition on a single value, so a scan can test candidate values without allocating a delegate.</summary>
internal interface IValuePredicate
{
    bool Holds(in RuleValue value);

    /// <summary>
    /// Writes the numbers the condition compares with (where its answer can change along the number line) and returns
    /// how many; -1 when it does not compare with numbers only or they do not fit.
    /// </summary>
    int Thresholds(Span<double> into);
}
