using System.Text.Json.Nodes;
using Workflows.Core.Automations;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;

namespace Workflows.Tests.Core.Automations;

public sealed class AutomationTemplatingTests
{
    private static readonly EntityRecord Contact = new()
    {
        Id = "contact-1",
        Schema = "contact",
        Title = "Jürgen Müller",
        Attributes = new JsonObject { ["first_name"] = "Jürgen", ["email"] = "juergen@example.org" },
    };

    private static readonly TemplateScope Scope = new()
    {
        Entity = new EntityRecord
        {
            Id = "opportunity-1",
            Schema = "opportunity",
            Title = "Solar – Jürgen Müller",
            Attributes = new JsonObject
            {
                ["title"] = "Solar – Jürgen Müller",
                ["amount"] = 18900.5m,
                ["site_visit_done"] = true,
                ["tags"] = new JsonArray("vip", "solar"),
                ["contact"] = "contact-1",
            },
        },
        Related = new Dictionary<string, EntityRecord> { ["contact-1"] = Contact },
        Workflow = new FlowExecution { Id = "wf-1", Name = "Solar installation" },
        Task = new ExecutionTask { Id = "offer", Name = "Send offer e-mail" },
        AutomationId = "auto-1",
        AutomationName = "Send offer",
    };

    [Theory]
    [InlineData("Offer for {{entity.title}}", "Offer for Solar – Jürgen Müller")]
    [InlineData("{{ entity.amount }} EUR", "18900.5 EUR")]
    [InlineData("{{workflow.name}} / {{task.name}}", "Solar installation / Send offer e-mail")]
    [InlineData("Hello {{entity.contact.first_name}} <{{entity.contact.email}}>", "Hello Jürgen <juergen@example.org>")]
    [InlineData("{{entity.tags}}", "vip, solar")]
    [InlineData("{{entity.site_visit_done}}", "true")]
    [InlineData("{{entity._id}} {{entity._title}}", "opportunity-1 Solar – Jürgen Müller")]
    [InlineData("by {{automation.name}}", "by Send offer")]
    public void Placeholders_are_filled_from_the_record_its_relations_the_workflow_and_the_task(string template, string expected) =>
        Assert.Equal(expected, ValueTemplate.Render(template, Scope));

    [Theory]
    [InlineData("[{{entity.missing}}]", "[]")]
    [InlineData("{{entity.contact.missing}}", "")]
    [InlineData("{{unknown.thing}}", "")]
    [InlineData("{{ not a placeholder }", "{{ not a placeholder }")]
    [InlineData("no placeholders at all", "no placeholders at all")]
    public void Unknown_values_render_as_nothing_and_other_text_is_kept(string template, string expected) =>
        Assert.Equal(expected, ValueTemplate.Render(template, Scope));

    [Fact]
    public void A_value_that_is_one_placeholder_keeps_its_json_type()
    {
        Assert.Equal(18900.5m, ValueTemplate.RenderValue("{{entity.amount}}", Scope)!.GetValue<decimal>());
        Assert.True(ValueTemplate.RenderValue(" {{entity.site_visit_done}} ", Scope)!.GetValue<bool>());
        Assert.Equal(2, ValueTemplate.RenderValue("{{entity.tags}}", Scope)!.AsArray().Count);
        Assert.Equal("18900.5 EUR", ValueTemplate.RenderValue("{{entity.amount}} EUR", Scope)!.GetValue<string>());
        Assert.Equal("won", ValueTemplate.RenderValue("won", Scope)!.GetValue<string>());
        Assert.Null(ValueTemplate.RenderValue("{{entity.missing}}", Scope));
    }

    [Fact]
    public void A_template_lists_the_values_it_uses() =>
        Assert.Equal(["entity.title", "task.name"], ValueTemplate.PathsIn("{{entity.title}} – {{ task.name }}"));
}
