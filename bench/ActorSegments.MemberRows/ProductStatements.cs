using System.Reflection;
using ActorSegments.Postgres.Journal;

namespace ActorSegments.MemberRows;

/// <summary>
/// The journal transaction's statements, read from the product's own writer (its private constants) so the plain-SQL
/// variants run exactly the text the journal runs, never a copy that could drift from it.
/// </summary>
internal sealed class ProductStatements
{
    private ProductStatements(Func<string, string> read)
    {
        CopyJournal = read("CopyJournal");
        InsertLog = read("InsertLog");
        UpsertMembers = read("UpsertMembers");
        DeleteMembers = read("DeleteMembers");
        LockCounts = read("LockCounts");
        AddToCounts = read("AddToCounts");
        RegisterCustomers = read("RegisterCustomers");
        UpsertWakeUps = read("UpsertWakeUps");
        NotifyFeed = read("NotifyFeed");
        StatementTimeout = read("StatementTimeout");
    }

    public string CopyJournal { get; }

    public string InsertLog { get; }

    public string UpsertMembers { get; }

    public string DeleteMembers { get; }

    public string LockCounts { get; }

    public string AddToCounts { get; }

    public string RegisterCustomers { get; }

    public string UpsertWakeUps { get; }

    public string NotifyFeed { get; }

    public string StatementTimeout { get; }

    public static ProductStatements Load()
    {
        var writer = typeof(PostgresCustomerJournal).Assembly.GetType("ActorSegments.Postgres.Journal.JournalBatchWriter", throwOnError: true)!;
        return new ProductStatements(name =>
        {
            var field = writer.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException($"JournalBatchWriter has no statement {name}: update the bench to the writer.");
            return (string)(field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null))!;
        });
    }
}
