namespace Workflows.Web.Components.Automations;

/// <summary>One "attribute = value" line of an update action.</summary>
public sealed class AssignmentDraft
{
    public string Attribute { get; set; } = "";

    public string Value { get; set; } = "";
}
