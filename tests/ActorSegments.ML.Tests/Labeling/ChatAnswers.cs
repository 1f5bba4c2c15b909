namespace ActorSegments.ML.Tests.Labeling;

/// <summary>A language model's answers for the three planted cohorts (<see cref="Profiles.Planted"/>).</summary>
internal static class ChatAnswers
{
    public const string Valid = """
        {"labels": [
          {"name": "Lapsed Big Spenders", "description": "12% of customers who spent 2,400 on average but last bought 310 days ago."},
          {"name": "Cart-Happy Browsers", "description": "18% of customers viewing 42 products a month and adding 5 to carts."},
          {"name": "Email Devotees", "description": "25% of customers opening 71% of emails."}
        ]}
        """;
}
