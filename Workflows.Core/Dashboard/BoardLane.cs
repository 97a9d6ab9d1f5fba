namespace Workflows.Core.Dashboard;

/// <summary>
/// Which swimlane a card is in. Lanes split the cards a column has loaded (its pages so far), so they cost no query;
/// a column's total stays the column's.
/// </summary>
public static class BoardLane
{
    /// <summary>The lane of tasks assigned to nobody.</summary>
    public const string Nobody = "";

    /// <summary>
    /// The lane key of a card: its first assignee (by id, so a task with several is in one lane), its record or its
    /// workflow template; <see cref="Nobody"/> for an unassigned task.
    /// </summary>
    public static string KeyOf(TaskListItem card, BoardLanes lanes) => lanes switch
    {
        BoardLanes.Assignee => card.AssignedTo.Count > 0 ? card.AssignedTo[0] : Nobody,
        BoardLanes.Record => card.EntityId,
        BoardLanes.Workflow => card.TemplateId ?? card.WorkflowName,
        _ => Nobody,
    };
}
