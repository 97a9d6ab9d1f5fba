using System.Text.Json.Nodes;
using Bunit;
using MudBlazor;
using Workflows.Core.Entities;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Components.Entities;

namespace Workflows.Tests.Components.Entities;

/// <summary>A relation attribute in the record form: the related records by title, a search to add one, remove.</summary>
public sealed class RelationFieldTests : MudTestContext, IAsyncLifetime
{
    private static readonly EntityAttribute Contact = new() { Name = "contact", Label = "Contact", Type = AttributeType.Relation, AllowedSchemas = ["contact"] };
    private readonly TempDatabase database = new();
    private ServiceProvider core = default!;
    private int changes;

    async Task IAsyncLifetime.InitializeAsync()
    {
        core = await CoreServices.BuildSeededAsync(database);
        Services.AddSingleton(core.GetRequiredService<EntityService>());
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await core.DisposeAsync();
        database.Dispose();
    }

    private IRenderedComponent<AttributeField> RenderField(JsonObject values) =>
        Render<AttributeField>(p => p.Add(f => f.Attribute, Contact).Add(f => f.Values, values).Add(f => f.Changed, () => changes++));

    [Fact]
    public void The_related_record_shows_by_its_title_with_a_link_to_open_it()
    {
        var field = RenderField(new JsonObject { ["contact"] = "contact-001" });

        field.WaitForAssertion(() => Assert.Equal("Jürgen Müller", field.Find("[data-related-id=contact-001] a").TextContent.Trim()));
        Assert.Equal("/entities/contact/contact-001", field.Find("[data-related-id=contact-001] a").GetAttribute("href"));
        Assert.Empty(field.FindAll("input[value='contact-001']"));
    }

    [Fact]
    public void Typing_part_of_a_name_finds_the_record_on_the_server_and_picking_it_links_it()
    {
        var popovers = Render<MudPopoverProvider>();
        var values = new JsonObject { ["contact"] = "contact-001" };
        var field = RenderField(values);

        field.Find("input").Input("schrö");
        popovers.WaitForAssertion(() => Assert.Contains("Anneliese Schröder", popovers.FindAll(".mud-list-item").Select(i => i.TextContent)));
        Assert.DoesNotContain(popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("Müller", StringComparison.Ordinal));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("Anneliese Schröder", StringComparison.Ordinal)).Click();

        field.WaitForAssertion(() => Assert.Equal("[\"contact-001\",\"contact-002\"]", values["contact"]!.ToJsonString()));
        Assert.Equal(1, changes);
        field.WaitForAssertion(() => Assert.Equal("Anneliese Schröder", field.Find("[data-related-id=contact-002] a").TextContent.Trim()));
    }

    [Fact]
    public void Removing_a_record_unlinks_it_and_removing_the_last_empties_the_attribute()
    {
        var values = new JsonObject { ["contact"] = new JsonArray("contact-001", "contact-002") };
        var field = RenderField(values);

        field.WaitForElement("button[aria-label='Remove Jürgen Müller']").Click();
        Assert.Equal("\"contact-002\"", values["contact"]!.ToJsonString());
        field.Render(p => p.Add(f => f.Values, values));
        field.WaitForElement("button[aria-label='Remove Anneliese Schröder']").Click();

        Assert.Null(values["contact"]);
        field.Render(p => p.Add(f => f.Values, values));
        Assert.Contains("None linked.", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_that_names_no_record_says_so_instead_of_a_title()
    {
        var field = RenderField(new JsonObject { ["contact"] = "contact-999" });

        field.WaitForAssertion(() => Assert.Contains("contact-999 (not found)", field.Find("[data-related-id=contact-999]").TextContent, StringComparison.Ordinal));
    }
}
