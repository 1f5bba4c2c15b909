namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// One customer of <see cref="UpliftTrial"/> with the truth an experiment never shows: its chance of buying within the
/// window unmessaged and messaged (the true uplift is their difference), its arm, and whether it bought.
/// </summary>
/// <param name="Id">The customer id.</param>
/// <param name="Group">What its behavior before the start says it is.</param>
/// <param name="Treated">Messaged (arm <c>treatment</c>) or held out (arm <c>control</c>).</param>
/// <param name="AssignedAt">When it was assigned (and, if treated, messaged): within the first hour of the experiment.</param>
/// <param name="BaseChance">P(purchase in the window | not messaged).</param>
/// <param name="MessagedChance">P(purchase in the window | messaged).</param>
/// <param name="Converted">Whether it bought in the window, in its own arm.</param>
/// <param name="ConvertedAt">When, if it did.</param>
/// <param name="Revenue">How much, if it did.</param>
public sealed record UpliftTrialCustomer(string Id, UpliftGroup Group, bool Treated, DateTime AssignedAt, double BaseChance, double MessagedChance, bool Converted, DateTime? ConvertedAt, double Revenue)
{
    public double TrueUplift => MessagedChance - BaseChance;
}
