using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Sidebar;

/// <summary>
/// One line of a record's activity: what happened, who did it, when, in which workflow. Assignees in
/// <see cref="Summary"/> are named, not given by id; a due date set is <see cref="DueDate"/>, for the page to write
/// after the summary in its own date format.
/// </summary>
public sealed record RecordHistoryItem(DateTimeOffset At, string ActorName, string Summary, string Workflow, FlowDueDate? DueDate = null)
{
    /// <summary>
    /// The line for <paramref name="entry"/>. The stored summary ends with what the event's detail holds: the assignee
    /// ids of an assignment (named here by <paramref name="nameOf"/>), the fixed date of a due-date change (split off).
    /// </summary>
    public static RecordHistoryItem From(HistoryEntry entry, string workflow, Func<string, string> nameOf)
    {
        var summary = entry.Summary;
        FlowDueDate? due = null;
        if (entry.Detail is { Length: > 0 } detail && summary.EndsWith(" " + detail, StringComparison.Ordinal))
        {
            var lead = summary[..^detail.Length];
            switch (entry.Type)
            {
                case nameof(FlowEventType.TaskAssigned) or nameof(FlowEventType.PhaseAssigned) or nameof(FlowEventType.FlowAssigned):
                    summary = lead + string.Join(", ", detail.Split(", ").Select(nameOf));
                    break;
                case nameof(FlowEventType.TaskDueDateChanged) or nameof(FlowEventType.PhaseDueDateChanged) or nameof(FlowEventType.FlowDueDateChanged)
                    or nameof(FlowEventType.TaskFollowUpChanged):
                    try
                    {
                        due = FlowDueDate.Parse(detail);
                        summary = lead.TrimEnd();
                    }
                    catch (FormatException)
                    {
                        // An event from an older version whose detail is no date keeps its summary as written.
                    }

                    break;
                default:
                    break;
            }
        }

        return new RecordHistoryItem(entry.At, entry.ActorName, summary, workflow, due);
    }
}
