namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// Orders in a customer's history: its distinct purchase moments (the lines of one order share its time). A customer
/// with at most one order has little for co-purchases to go on.
/// </summary>
public static class OrderHistory
{
    public static int Orders(IReadOnlyList<ItemInteraction> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.At).Distinct().Count();
    }

    public static bool IsThin(IReadOnlyList<ItemInteraction> history) => Orders(history) <= 1;
}
