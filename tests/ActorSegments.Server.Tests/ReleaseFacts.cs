using System.Text.Json;

namespace ActorSegments.Server.Tests;

/// <summary>
/// What a released server answered about the database it wrote (<c>Fixtures/release-{release}.expected.json</c>,
/// read from its API just before it shut down): the profile of every customer and the member count of every segment.
/// </summary>
internal sealed record ReleaseFacts(
    string Release,
    string Workspace,
    IReadOnlyList<ReleaseFacts.Segment> Segments,
    IReadOnlyList<ReleaseFacts.Customer> Customers)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static ReleaseFacts Load(string release)
    {
        var json = File.ReadAllText(ReleaseDatabase.FixturePath(release, ".expected.json"));
        return JsonSerializer.Deserialize<ReleaseFacts>(json, JsonOptions)
            ?? throw new InvalidDataException($"The facts of release {release} are empty.");
    }

    /// <summary>The customers the release listed as members of <paramref name="segmentId"/>.</summary>
    public IEnumerable<string> MembersOf(string segmentId) =>
        Customers.Where(c => c.Segments.Any(s => s.Id == segmentId)).Select(c => c.Id);

    public sealed record Segment(string Id, string Rule, long Members);

    /// <summary>
    /// A customer's profile as the release answered it; <c>LegacySnapshot</c> says whether the release left a snapshot
    /// row for it in its grain storage.
    /// </summary>
    public sealed record Customer(
        string Id,
        long TotalEvents,
        IReadOnlyDictionary<string, long> EventTypes,
        IReadOnlyList<Membership> Segments,
        bool LegacySnapshot);

    public sealed record Membership(string Id, DateTimeOffset Since);
}
