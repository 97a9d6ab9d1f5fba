namespace Workflows.Web.Components.Admin;

/// <summary>
/// Names the resources (<c>AdminText.resx</c>, <c>AdminText.de.resx</c>) that hold the texts of the administration:
/// users, partners, closing reasons, record types, API tokens, webhooks, teams and their dialogs.
/// </summary>
public sealed class AdminText;
