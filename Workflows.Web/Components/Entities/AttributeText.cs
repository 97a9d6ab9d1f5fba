using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Web.Components.Tasks;

namespace Workflows.Web.Components.Entities;

/// <summary>How a record attribute's value reads where it is shown rather than edited: the records list and read-only fields.</summary>
public static class AttributeText
{
    /// <param name="writtenByWorkflow">A workflow writes this attribute, so a workflow status in it reads as a word.</param>
    public static string Display(JsonNode? value, EntityAttribute attribute, IReadOnlyList<Person> people, bool writtenByWorkflow)
    {
        if (value is JsonArray items)
        {
            return string.Join(", ", items.Select(item => attribute.OptionText(item?.ToString())));
        }

        if (value is not JsonValue scalar)
        {
            return "";
        }

        var text = scalar.ToString();
        return attribute.Type switch
        {
            AttributeType.Boolean => Languages.Text<EntityText>(text == "true" ? "Yes" : "No"),
            AttributeType.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
                DateText.Number(number),
            AttributeType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => DateText.Date(day),
            AttributeType.User => people.FirstOrDefault(p => p.Id == text)?.Name ?? text,
            AttributeType.Select => attribute.OptionText(text),
            _ when writtenByWorkflow && Enum.GetNames<WorkflowStatus>().Contains(text) =>
                TaskPresentation.WorkflowStatusLabel(Enum.Parse<WorkflowStatus>(text)),
            _ => text,
        };
    }
}
