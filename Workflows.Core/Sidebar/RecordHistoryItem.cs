using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Localization;

namespace Workflows.Core.Sidebar;

/// <summary>
/// One line of a record's activity: what happened, who did it, when, in which workflow. <see cref="Summary"/> reads in
/// the current language, assignees named rather than given by id, dates in the language's format on the tenant's clock.
/// </summary>
public sealed record RecordHistoryItem(DateTimeOffset At, string ActorName, string Summary, string Workflow)
{
    /// <summary>
    /// The line for <paramref name="entry"/>: its <see cref="HistoryEntry.Line"/> read by <paramref name="reader"/>. An
    /// event from before lines were kept has only its English summary, which ends with what the event's detail holds:
    /// the assignee ids of an assignment (named here), the fixed date of a due-date change (written in the reader's format).
    /// </summary>
    public static RecordHistoryItem From(HistoryEntry entry, string workflow, HistoryReader reader) =>
        new(entry.At, entry.ActorName, entry.Line?.Read(reader) ?? FromSummary(entry, reader), workflow);

    private static string FromSummary(HistoryEntry entry, HistoryReader reader)
    {
        var summary = entry.Summary;
        if (entry.Detail is not { Length: > 0 } detail || !summary.EndsWith(" " + detail, StringComparison.Ordinal))
        {
            return summary;
        }

        var lead = summary[..^detail.Length];
        switch (entry.Type)
        {
            case nameof(FlowEventType.TaskAssigned) or nameof(FlowEventType.PhaseAssigned) or nameof(FlowEventType.FlowAssigned):
                return lead + string.Join(", ", detail.Split(", ").Select(reader.NameOf));
            case nameof(FlowEventType.TaskDueDateChanged) or nameof(FlowEventType.PhaseDueDateChanged) or nameof(FlowEventType.FlowDueDateChanged)
                or nameof(FlowEventType.TaskFollowUpChanged):
                try
                {
                    return lead + DateText.Due(FlowDueDate.Parse(detail), reader.Zone);
                }
                catch (FormatException)
                {
                    // An event from an older version whose detail is no date keeps its summary as written.
                    return summary;
                }

            default:
                return summary;
        }
    }
}
