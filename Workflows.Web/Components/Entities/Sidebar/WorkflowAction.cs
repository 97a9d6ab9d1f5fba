namespace Workflows.Web.Components.Entities.Sidebar;

/// <summary>What a person asked of a whole workflow in the sidebar.</summary>
public enum WorkflowAction
{
    Close,
    Reopen,
    Delete,
    Assign,
    DueDate,
    AddTask,
    SelectSeveral,
    ShareProgress,
}
