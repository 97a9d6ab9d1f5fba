using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Bunit;
using Workflows.Core;
using Workflows.Core.Entities;
using Workflows.Core.Journeys;
using Workflows.Web.Components.Journeys;

namespace Workflows.Tests.Components.Journeys;

public sealed class JourneyRunnerTests : MudTestContext
{
    private static readonly EntitySchema Schema = new()
    {
        Slug = "contact",
        Name = "Contact",
        Plural = "Contacts",
        TitleTemplate = "{{name}}",
        Attributes =
        [
            new() { Name = "name", Label = "Name", Type = AttributeType.Text },
            new() { Name = "notes", Label = "Notes", Type = AttributeType.Text, Multiline = true },
            new() { Name = "roof", Label = "Roof", Type = AttributeType.Number },
            new() { Name = "move_in", Label = "Move-in", Type = AttributeType.Date },
            new() { Name = "covering", Label = "Covering", Type = AttributeType.Select, Options = ["tiles", "slate"] },
            new() { Name = "sides", Label = "Sides", Type = AttributeType.MultiSelect, Options = ["north", "south"] },
            new() { Name = "consent", Label = "Consent", Type = AttributeType.Boolean },
            new() { Name = "email", Label = "E-mail", Type = AttributeType.Email },
            new() { Name = "phone", Label = "Phone", Type = AttributeType.Phone },
        ],
    };

    public JourneyRunnerTests()
    {
        Render<MudBlazor.MudPopoverProvider>();
    }

    private static JourneyField Field(string attribute, JourneyFieldKind kind, string label, bool required = false,
        decimal? min = null, decimal? max = null, string? pattern = null, string? patternMessage = null) => new()
    {
        Attribute = attribute, Kind = kind, Label = label, Required = required, Min = min, Max = max, Pattern = pattern,
        PatternMessage = patternMessage, HelpText = $"Help for {label}",
    };

    private static Journey OneStep(params JourneyField[] fields) => new()
    {
        Id = "j", Name = "Test journey", Schema = "contact", Steps = [new JourneyStep { Title = "Only step", Fields = [.. fields] }],
    };

    private IRenderedComponent<JourneyRunner> RenderRunner(Journey journey, JsonObject? values = null, Func<JsonObject, Task<Refusal?>>? onSubmit = null) =>
        Render<JourneyRunner>(p => p
            .Add(r => r.Journey, journey)
            .Add(r => r.Schema, Schema)
            .Add(r => r.InitialValues, values ?? [])
            .Add(r => r.OnSubmit, onSubmit));

    private static IElement Button(IRenderedComponent<JourneyRunner> runner, string text) =>
        runner.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static string FieldText(IRenderedComponent<JourneyRunner> runner, string attribute) =>
        runner.Find($"[data-field={attribute}]").TextContent;

    public static TheoryData<JourneyFieldKind, string> Kinds => new()
    {
        { JourneyFieldKind.Text, "name" },
        { JourneyFieldKind.Multiline, "notes" },
        { JourneyFieldKind.Number, "roof" },
        { JourneyFieldKind.Date, "move_in" },
        { JourneyFieldKind.Select, "covering" },
        { JourneyFieldKind.MultiSelect, "sides" },
        { JourneyFieldKind.Checkbox, "consent" },
        { JourneyFieldKind.Email, "email" },
        { JourneyFieldKind.Phone, "phone" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_field_kind_renders_its_label_and_help_text(JourneyFieldKind kind, string attribute)
    {
        var runner = RenderRunner(OneStep(Field(attribute, kind, $"Question {kind}")));

        var field = runner.Find($"[data-field={attribute}]");
        Assert.Equal(kind.ToString(), field.GetAttribute("data-kind"));
        Assert.Contains($"Question {kind}", field.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Help for Question {kind}", field.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(field.QuerySelectorAll("input, textarea"));
    }

    public static TheoryData<JourneyField, JsonNode?, string> Invalid => new()
    {
        { Field("name", JourneyFieldKind.Text, "Name", required: true), null, "Name is required." },
        { Field("name", JourneyFieldKind.Text, "Postal code", pattern: "[0-9]{5}", patternMessage: "A postal code has 5 digits."), "12a", "A postal code has 5 digits." },
        { Field("notes", JourneyFieldKind.Multiline, "Notes", min: 10), "short", "Notes needs at least 10 characters." },
        { Field("roof", JourneyFieldKind.Number, "Roof", min: 5, max: 2000), 2, "Roof must be at least 5." },
        { Field("roof", JourneyFieldKind.Number, "Roof", min: 5, max: 2000), 2500, "Roof must be at most 2000." },
        { Field("move_in", JourneyFieldKind.Date, "Move-in", required: true), "2026-13-45", "Move-in must be a date (yyyy-mm-dd)." },
        { Field("covering", JourneyFieldKind.Select, "Covering", required: true), "purple", "Choose one of the options for Covering." },
        { Field("sides", JourneyFieldKind.MultiSelect, "Sides", max: 1), new JsonArray("north", "south"), "Choose at most 1 for Sides." },
        { Field("consent", JourneyFieldKind.Checkbox, "Consent", required: true), false, "Consent must be checked." },
        { Field("email", JourneyFieldKind.Email, "E-mail", required: true), "not-an-address", "E-mail must be an e-mail address, such as name@example.com." },
        { Field("phone", JourneyFieldKind.Phone, "Phone"), "call me", "Phone must be a phone number, such as +49 30 1234567." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_field_kind_shows_what_is_wrong_under_the_field_and_does_not_submit(JourneyField field, JsonNode? value, string message)
    {
        var submitted = false;
        var runner = RenderRunner(OneStep(field), new JsonObject { [field.Attribute] = value?.DeepClone() }, _ =>
        {
            submitted = true;
            return Task.FromResult<Refusal?>(null);
        });

        Button(runner, "Submit").Click();

        Assert.Contains(message, FieldText(runner, field.Attribute), StringComparison.Ordinal);
        Assert.Contains("Please correct the highlighted field to continue.", runner.Find("[data-testid=step-problems]").TextContent, StringComparison.Ordinal);
        Assert.False(submitted);
    }

    public static TheoryData<JourneyField, JsonNode?> Valid => new()
    {
        { Field("name", JourneyFieldKind.Text, "Postal code", required: true, pattern: "[0-9]{5}"), "80331" },
        { Field("notes", JourneyFieldKind.Multiline, "Notes", min: 10), "Through the attic\nand down the wall" },
        { Field("roof", JourneyFieldKind.Number, "Roof", min: 5, max: 2000), 64.5m },
        { Field("move_in", JourneyFieldKind.Date, "Move-in", required: true), "2026-04-01" },
        { Field("covering", JourneyFieldKind.Select, "Covering", required: true), "slate" },
        { Field("sides", JourneyFieldKind.MultiSelect, "Sides", min: 1), new JsonArray("south") },
        { Field("consent", JourneyFieldKind.Checkbox, "Consent", required: true), true },
        { Field("email", JourneyFieldKind.Email, "E-mail", required: true), "lena@example.de" },
        { Field("phone", JourneyFieldKind.Phone, "Phone", required: true), "+49 30 1234567" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_answer_of_each_kind_is_submitted(JourneyField field, JsonNode? value)
    {
        JsonObject? answers = null;
        var runner = RenderRunner(OneStep(field), new JsonObject { [field.Attribute] = value?.DeepClone() }, given =>
        {
            answers = given;
            return Task.FromResult<Refusal?>(null);
        });

        Button(runner, "Submit").Click();

        Assert.Empty(runner.FindAll("[data-testid=step-problems]"));
        Assert.NotNull(answers);
        Assert.True(JsonNode.DeepEquals(value, answers[field.Attribute]));
    }

    [Fact]
    public void Typing_into_a_field_clears_its_message_and_the_answer_is_what_was_typed()
    {
        JsonObject? answers = null;
        var runner = RenderRunner(OneStep(Field("name", JourneyFieldKind.Text, "Name", required: true), Field("consent", JourneyFieldKind.Checkbox, "Consent", required: true)),
            onSubmit: given =>
            {
                answers = given;
                return Task.FromResult<Refusal?>(null);
            });
        Button(runner, "Submit").Click();
        Assert.Contains("Name is required.", FieldText(runner, "name"), StringComparison.Ordinal);

        runner.Find("[data-field=name] input").Input("Lena Schmidt");
        runner.Find("[data-field=consent] input").Change(true);

        Assert.DoesNotContain("Name is required.", FieldText(runner, "name"), StringComparison.Ordinal);
        Button(runner, "Submit").Click();
        Assert.Equal("Lena Schmidt", answers?["name"]?.GetValue<string>());
        Assert.True(answers?["consent"]?.GetValue<bool>());
    }

    [Fact]
    public void Steps_are_walked_in_order_with_progress_and_each_step_is_checked_before_the_next()
    {
        var journey = new Journey
        {
            Id = "j",
            Name = "Two steps",
            Schema = "contact",
            Steps =
            [
                new JourneyStep { Title = "About you", Fields = [Field("name", JourneyFieldKind.Text, "Name", required: true)] },
                new JourneyStep { Title = "Reaching you", Fields = [Field("email", JourneyFieldKind.Email, "E-mail", required: true)] },
            ],
        };
        JsonObject? answers = null;
        var runner = RenderRunner(journey, new JsonObject { ["email"] = "old@example.de" }, given =>
        {
            answers = given;
            return Task.FromResult<Refusal?>(Refusal.Conflict("This record was changed by Mehmet Yılmaz."));
        });

        Assert.Equal("Step 1 of 2", runner.Find("[data-testid=step-counter]").TextContent);
        Assert.True(Button(runner, "Back").HasAttribute("disabled"));
        Assert.DoesNotContain(runner.FindAll("button"), b => b.TextContent.Trim() == "Submit");

        Button(runner, "Next").Click();
        Assert.Equal("Step 1 of 2", runner.Find("[data-testid=step-counter]").TextContent);
        Assert.Contains("Name is required.", FieldText(runner, "name"), StringComparison.Ordinal);

        runner.Find("[data-field=name] input").Input("Lena");
        Button(runner, "Next").Click();
        Assert.Equal("Step 2 of 2", runner.Find("[data-testid=step-counter]").TextContent);
        Assert.Equal("1", runner.Find(".wf-journey").GetAttribute("data-step"));
        Assert.Contains("old@example.de", runner.Find("[data-field=email] input").GetAttribute("value"), StringComparison.Ordinal);

        Button(runner, "Back").Click();
        Assert.Equal("Step 1 of 2", runner.Find("[data-testid=step-counter]").TextContent);
        Assert.Equal("Lena", runner.Find("[data-field=name] input").GetAttribute("value"));

        Button(runner, "Next").Click();
        Button(runner, "Submit").Click();
        Assert.Equal("Lena", answers?["name"]?.GetValue<string>());
        Assert.Equal("old@example.de", answers?["email"]?.GetValue<string>());
        Assert.Contains("changed by Mehmet Yılmaz", runner.Find("[data-testid=journey-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_submit_handler_the_runner_is_a_preview_that_saves_nothing()
    {
        var runner = RenderRunner(OneStep(Field("name", JourneyFieldKind.Text, "Name")), new JsonObject { ["name"] = "Lena" });

        Button(runner, "Submit").Click();

        Assert.Equal("Preview: the answers are valid. Nothing was saved.", runner.Find("[data-testid=journey-message]").TextContent.Trim());
    }
}
