namespace Workflows.Web.Components.Dashboard;

/// <summary>
/// Names the resources (<c>DashboardText.resx</c>, <c>DashboardText.de.resx</c>) that hold the texts of the task lists:
/// dashboard, partner portal, task board, their filters, saved views and boards.
/// </summary>
public sealed class DashboardText;
