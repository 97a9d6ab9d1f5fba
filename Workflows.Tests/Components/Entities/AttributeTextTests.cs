using System.Text.Json.Nodes;
using Workflows.Core.Entities;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Web.Components.Entities;

namespace Workflows.Tests.Components.Entities;

/// <summary>
/// How a record's values read in the records list and in read-only fields: amounts with the culture's separators,
/// users by name, a workflow status a workflow wrote as a word, and the title shown once when it is one attribute.
/// </summary>
public sealed class AttributeTextTests
{
    private static readonly EntityAttribute Amount = new() { Name = "amount", Label = "Amount (EUR)", Type = AttributeType.Number };
    private static readonly EntityAttribute Status = new() { Name = "workflow_status", Label = "Workflow status", Type = AttributeType.Text };
    private static readonly EntityAttribute Owner = new() { Name = "owner", Label = "Owner", Type = AttributeType.User };
    private static readonly Person[] People = [new("u-lena", "Lena Schmidt", "caseworker@workflows.demo", null)];

    [Theory]
    [InlineData("en", "24,100")]
    [InlineData("de", "24.100")]
    public void Amounts_show_the_languages_thousands_separator(string language, string expected) =>
        Assert.Equal(expected, Languages.In(language, () => AttributeText.Display(JsonValue.Create(24100), Amount, People, writtenByWorkflow: false)));

    [Fact]
    public void A_workflow_status_a_workflow_wrote_reads_as_a_word_and_a_user_by_name()
    {
        Assert.Equal("Closed", AttributeText.Display(JsonValue.Create("CLOSED"), Status, People, writtenByWorkflow: true));
        Assert.Equal("CLOSED", AttributeText.Display(JsonValue.Create("CLOSED"), Status, People, writtenByWorkflow: false));
        Assert.Equal("Lena Schmidt", AttributeText.Display(JsonValue.Create("u-lena"), Owner, People, writtenByWorkflow: false));
    }

    [Fact]
    public void A_select_value_reads_as_its_options_title_and_an_untitled_or_unknown_value_as_itself()
    {
        var stage = new EntityAttribute { Name = "stage", Label = "Stage", Type = AttributeType.Select, Options = [new("offer", "Angebot"), "won"] };
        var tags = new EntityAttribute { Name = "tags", Label = "Tags", Type = AttributeType.MultiSelect, Options = [new("vip", "VIP"), "solar"] };

        Assert.Equal("Angebot", AttributeText.Display(JsonValue.Create("offer"), stage, People, writtenByWorkflow: false));
        Assert.Equal("won", AttributeText.Display(JsonValue.Create("won"), stage, People, writtenByWorkflow: false));
        Assert.Equal("lost", AttributeText.Display(JsonValue.Create("lost"), stage, People, writtenByWorkflow: false));
        Assert.Equal("VIP, solar", AttributeText.Display(new JsonArray("vip", "solar"), tags, People, writtenByWorkflow: false));
    }

    [Theory]
    [InlineData("{{title}}", "title", true)]
    [InlineData(" {{ title }} ", "title", true)]
    [InlineData("{{first_name}} {{last_name}}", "first_name", false)]
    [InlineData("{{order_number}} {{product}}", "product", false)]
    public void The_records_list_shows_an_attribute_that_is_the_whole_title_only_once(string template, string attribute, bool whole) =>
        Assert.Equal(whole, RecordTitle.IsWholeTitle(template, attribute));
}
