using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Content.Tests;

/// <summary>Conditional content by segment and arm, merge fields with defaults, loops: what a customer would receive.</summary>
public sealed class TemplateRenderingTests
{
    private const string Offer = """
        {% if segments contains "vip" %}VIP early access{% else %}Spring sale{% endif %}
        {% case experiments.spring_sale %}{% when "treatment" %}20% off{% when "holdout" %}{% else %}no arm{% endcase %}
        """;

    private readonly TemplateEngine _engine = new(TemplateLimits.Default, new FakeTimeProvider());

    [Fact]
    public async Task Render_VipInTreatmentArm_GetsTheVipBlockAndTheTreatmentOffer()
    {
        var text = await RenderAsync(Offer, Profiles.Customer("c1", segments: ["vip", "buyers"], experiments: new() { ["spring_sale"] = "treatment" }));

        Assert.Equal("VIP early access\n20% off", text);
    }

    [Fact]
    public async Task Render_NonMemberInHoldout_GetsTheDefaultBlockAndNoOffer()
    {
        var text = await RenderAsync(Offer, Profiles.Customer("c2", segments: ["buyers"], experiments: new() { ["spring_sale"] = "holdout" }));

        Assert.Equal("Spring sale\n", text);
    }

    [Fact]
    public async Task Render_CustomerInNoExperiment_FallsToTheElseOfTheArmCase()
    {
        var text = await RenderAsync(Offer, Profiles.Customer("c3"));

        Assert.Equal("Spring sale\nno arm", text);
    }

    [Fact]
    public async Task Render_MergeFieldsWithDefaults_UseTheTraitWhenSetAndTheDefaultOtherwise()
    {
        const string Greeting = "Hi {{ traits.first_name | default: \"there\" }}, cohort {{ merge.cohort_name }} ({{ cohort.id }}), score {{ scores.purchase_30d }}, RFM {{ rfm.recency_score }}{{ rfm.frequency_score }}{{ rfm.monetary_score }}, {{ lifecycle.stage }}";

        var named = await RenderAsync(Greeting, Profiles.Customer("c4", firstName: "Åse"), cohortName: "Bargain hunters");
        var anonymous = await RenderAsync(Greeting, Profiles.Customer("c5"), cohortName: "Bargain hunters");

        Assert.Equal("Hi Åse, cohort Bargain hunters (cohort-2), score 0.82, RFM 435, repeat_buyer", named);
        Assert.Equal("Hi there, cohort Bargain hunters (cohort-2), score 0.82, RFM 435, repeat_buyer", anonymous);
    }

    [Fact]
    public async Task Render_LoopOverRecommendations_WritesEachProductWithItsRank()
    {
        const string Picks = "{% for r in recommendations limit: 2 %}{{ r.rank }}. {{ r.product_id }}{% unless forloop.last %}, {% endunless %}{% else %}nothing yet{% endfor %}";

        var some = await RenderAsync(Picks, Profiles.Customer("c6", recommendations: ["p-9", "p-3", "p-7"]));
        var none = await RenderAsync(Picks, Profiles.Customer("c7"));

        Assert.Equal("1. p-9, 2. p-3", some);
        Assert.Equal("nothing yet", none);
    }

    [Fact]
    public async Task Render_RecommendationReasons_WritesEachReasonBesideItsItemAndSkipsTheMissingOne()
    {
        const string Picks = "{% for rec in recommendations %}{{ rec.product_id }}{% if rec.reason != \"\" %} ({{ rec.reason }}){% endif %};{% endfor %}";
        var profile = Profiles.Customer("c8", recommendations: ["p-9", "p-3", "p-7"], reasons: ["similar to JUMBO BAG RED RETROSPOT you viewed", "", "popular in Kitchen & Dining"]);

        var text = await RenderAsync(Picks, profile);

        Assert.Equal("p-9 (similar to JUMBO BAG RED RETROSPOT you viewed);p-3;p-7 (popular in Kitchen &amp; Dining);", text);
    }

    [Fact]
    public async Task Render_RecommendationsWithoutReasons_GivesEachAnEmptyReason()
    {
        var text = await RenderAsync("{% for rec in recommendations %}[{{ rec.reason }}]{% endfor %}", Profiles.Customer("c9", recommendations: ["p-9", "p-3"]));

        Assert.Equal("[][]", text);
    }

    [Fact]
    public async Task Render_MergeFieldReason_IsTheReasonOrTheTemplatesDefault()
    {
        const string Line = "{{ merge.rec_1 }}: {{ merge.rec_1_reason | default: \"picked for you\" }} / {{ merge.rec_2 }}: {{ merge.rec_2_reason | default: \"picked for you\" }}";
        var profile = Profiles.Customer("c10", recommendations: ["p-9", "p-3"], reasons: ["bought together with p-1", ""]);

        var text = await RenderAsync(Line, profile);

        Assert.Equal("p-9: bought together with p-1 / p-3: picked for you", text);
    }

    [Fact]
    public async Task Render_Html_EscapesValuesButNotTheTemplatesOwnMarkup()
    {
        var profile = Profiles.Customer("c8", firstName: "<script>x</script> & Åse");

        var html = await RenderAsync("<p>{{ traits.first_name }}</p>", profile);
        var plain = await RenderAsync("<p>{{ traits.first_name }}</p>", profile, encoding: TemplateEncoding.PlainText);

        Assert.Equal("<p>&lt;script&gt;x&lt;/script&gt; &amp; Åse</p>", html);
        Assert.Equal("<p><script>x</script> & Åse</p>", plain);
    }

    private async Task<string> RenderAsync(string source, Abstractions.Customers.CustomerProfileView profile, string? cohortName = null, TemplateEncoding encoding = TemplateEncoding.Html) =>
        await _engine.RenderAsync(_engine.Parse(source), TemplateModel.From(profile, cohortName), encoding, TestContext.Current.CancellationToken);
}
