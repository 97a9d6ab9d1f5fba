namespace Workflows.Web.Components.Automations;

/// <summary>
/// Names the resources (<c>AutomationText.resx</c>, <c>AutomationText.de.resx</c>) that hold the texts of the
/// automations: the list, the editor with its triggers and actions, the webhook secret, and the run history.
/// </summary>
public sealed class AutomationText;
