namespace Workflows.Web.Components.Tasks;

/// <summary>
/// Names the resources (<c>TaskText.resx</c>, <c>TaskText.de.resx</c>) that hold the texts of tasks and of the record's
/// workflow sidebar: task rows and their menus, the task dialogs, the bulk bar, workflow cards and their dialogs.
/// </summary>
public sealed class TaskText;
