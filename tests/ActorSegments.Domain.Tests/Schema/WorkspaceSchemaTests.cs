using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Tests.Schema;

public sealed class WorkspaceSchemaTests
{
    private const string Webinars = """
        { "event_types": [
            { "name": "webinar_attended", "properties": [ { "name": "topic", "type": "string", "tracked": true }, { "name": "minutes", "type": "number", "tracked": true } ] },
            { "name": "purchase", "properties": [ { "name": "revenue", "type": "number", "tracked": true } ] } ],
          "traits": [ { "name": "plan", "type": "string" }, { "name": "seats", "type": "number" } ],
          "scores": [ "upgrade_30d" ] }
        """;

    [Fact]
    public void Parse_ReadsEverythingAndSerializeRoundTrips()
    {
        var schema = WorkspaceSchemaJson.Parse(Webinars);

        Assert.Equal(new PropertyDefinition("topic", DataType.String, Tracked: true), schema.EventType("webinar_attended")!.Property("topic"));
        Assert.Equal(DataType.Number, schema.Trait("seats")!.Type);
        Assert.Contains("upgrade_30d", schema.Scores);
        var again = WorkspaceSchemaJson.Parse(WorkspaceSchemaJson.Serialize(schema));
        Assert.Equal(WorkspaceSchemaJson.Serialize(schema), WorkspaceSchemaJson.Serialize(again));
        Assert.Equal(WorkspaceSchemaJson.Serialize(WorkspaceSchema.Commerce), WorkspaceSchemaJson.Serialize(WorkspaceSchemaJson.Parse(WorkspaceSchemaJson.Serialize(WorkspaceSchema.Commerce))));
    }

    [Theory]
    [InlineData("[1]", "$: expected an object")]
    [InlineData("{\"event_types\": {}}", "$.event_types: expected an array")]
    [InlineData("{\"event_types\": [{\"name\": \"Bad Type\"}]}", "$.event_types[0].name:")]
    [InlineData("{\"event_types\": [{\"name\": \"a\", \"properties\": [{\"name\": \"p\", \"type\": \"date\"}]}]}", "$.event_types[0].properties[0].type: unknown type 'date'; expected string, number, bool")]
    [InlineData("{\"event_types\": [{\"name\": \"a\", \"properties\": [{\"name\": \"p\", \"type\": \"bool\", \"tracked\": true}]}]}", "$.event_types[0].properties[0].tracked: only string properties")]
    [InlineData("{\"traits\": [{\"name\": \"t\", \"type\": \"string\"}, {\"name\": \"t\", \"type\": \"number\"}]}", "$.traits: trait 't' is declared twice")]
    [InlineData("{\"event_types\": [{\"name\": \"a\", \"properties\": [{\"name\": \"n1\", \"type\": \"number\"}, {\"name\": \"n2\", \"type\": \"number\"}, {\"name\": \"n3\", \"type\": \"number\"}, {\"name\": \"n4\", \"type\": \"number\"}, {\"name\": \"n5\", \"type\": \"number\"}]}]}", "at most 4 number properties")]
    [InlineData("{\"scores\": [42]}", "$.scores[0]: expected a string")]
    public void Parse_BadDocument_NamesThePathAndWhatWasExpected(string json, string expected)
    {
        var error = Assert.Throws<SchemaJsonException>(() => WorkspaceSchemaJson.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_AdditionsAreAccepted_RemovalsAndReinterpretationsAreNot()
    {
        var current = WorkspaceSchemaJson.Parse(Webinars);
        var added = WorkspaceSchemaJson.Parse(Webinars.Replace(
            "{ \"name\": \"minutes\", \"type\": \"number\", \"tracked\": true } ]",
            "{ \"name\": \"minutes\", \"type\": \"number\", \"tracked\": true }, { \"name\": \"host\", \"type\": \"string\", \"tracked\": true }, { \"name\": \"rating\", \"type\": \"number\" } ]", StringComparison.Ordinal));
        var settings = BehaviorSettings.Default;

        Assert.Empty(SchemaChanges.Problems(current, added, settings));
        Assert.Contains("property 'webinar_attended.topic' cannot be removed", SchemaChanges.Problems(current, WorkspaceSchemaJson.Parse(Webinars.Replace("{ \"name\": \"topic\", \"type\": \"string\", \"tracked\": true }, ", string.Empty, StringComparison.Ordinal)), settings));
        Assert.Contains("trait 'seats' cannot change its type", SchemaChanges.Problems(current, WorkspaceSchemaJson.Parse(Webinars.Replace("\"seats\", \"type\": \"number\"", "\"seats\", \"type\": \"string\"", StringComparison.Ordinal)), settings));
        Assert.Contains("event type 'webinar_attended' cannot be removed", SchemaChanges.Problems(current, WorkspaceSchema.Commerce, settings));

        // A new tracked number would take the place of the stored untracked ones.
        var trackedNumber = WorkspaceSchemaJson.Parse(Webinars.Replace(
            "{ \"name\": \"minutes\", \"type\": \"number\", \"tracked\": true } ]",
            "{ \"name\": \"minutes\", \"type\": \"number\", \"tracked\": true }, { \"name\": \"score\", \"type\": \"number\", \"tracked\": true } ]", StringComparison.Ordinal));
        Assert.Contains(SchemaChanges.Problems(current, trackedNumber, settings), p => p.Contains("new number properties must be untracked", StringComparison.Ordinal));
    }
}
