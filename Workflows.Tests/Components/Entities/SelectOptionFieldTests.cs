using System.Text.Json.Nodes;
using Bunit;
using Workflows.Core.Entities;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Components.Entities;

namespace Workflows.Tests.Components.Entities;

/// <summary>A select attribute in the record form lists its options by title and keeps the chosen option's value.</summary>
public sealed class SelectOptionFieldTests : MudTestContext
{
    private static readonly EntityAttribute Stage = new()
    {
        Name = "stage",
        Label = "Stage",
        Type = AttributeType.Select,
        Options = [new("new", "Neu"), new("offer", "Angebot"), "won"],
    };

    [Fact]
    public void The_options_read_as_their_titles_and_picking_one_stores_its_value()
    {
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var values = new JsonObject { ["stage"] = "new" };
        var field = Render<AttributeField>(p => p.Add(f => f.Attribute, Stage).Add(f => f.Values, values));

        Assert.Equal("Neu", field.Find("input").GetAttribute("value"));
        field.Find(".mud-select .mud-input-control").MouseDown();
        popovers.WaitForAssertion(() =>
            Assert.Equal(["Neu", "Angebot", "won"], popovers.FindAll(".mud-list-item").Select(item => item.TextContent.Trim())));
        popovers.FindAll(".mud-list-item").Single(item => item.TextContent.Trim() == "Angebot").Click();

        field.WaitForAssertion(() => Assert.Equal("offer", (string?)values["stage"]));
        field.WaitForAssertion(() => Assert.Equal("Angebot", field.Find("input").GetAttribute("value")));
    }
}
