namespace ActorSegments.Testing;

/// <summary>
/// Journal bodies as the release before typed records wrote them (format 1: every record an event; trait updates
/// and model outputs of the reserved types <c>$identify</c> and <c>$model</c>), as hex for SQL's <c>'\x...'</c>.
/// All occurred at 2026-03-01T12:30:15Z. The domain tests check the same bytes against that release's encoder.
/// </summary>
public static class ReleaseJournalBodies
{
    public static readonly DateTimeOffset OccurredAt = new(2026, 3, 1, 12, 30, 15, TimeSpan.Zero);

    /// <summary><c>identify-1</c>: plan = "gold", tags = ["a", "b"], gone removed.</summary>
    public const string Identify = "010A6964656E746966792D3109246964656E746966798096F9A5C9E3BBDE110304706C616E0104676F6C64047461677301041E611F6204676F6E65010100";

    /// <summary><c>cohort-run-1</c>: cohort "cohort-2", score purchase_30d = 0.5.</summary>
    public const string Model = "010C636F686F72742D72756E2D3106246D6F64656C8096F9A5C9E3BBDE110206636F686F72740108636F686F72742D321273636F72652E70757263686173655F33306402C801";

    /// <summary><c>e1</c>: a purchase without properties.</summary>
    public const string Purchase = "010265310870757263686173658096F9A5C9E3BBDE1100";
}
