using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Storage;

/// <summary>Keeps the dashboard's task rows and assignee links in step with an execution's tasks.</summary>
internal static class TaskRows
{
    /// <summary>
    /// Stages the rows and links of <paramref name="changedTaskIds"/>. <paramref name="stored"/> is what the last save
    /// wrote, derived from the document before the command (null for a new execution, which has none): a row is
    /// attached with those values and filled from the task as it is now, so only the columns that changed are written
    /// and nothing is read back.
    /// </summary>
    public static void Write(
        WorkflowsDbContext db, FlowExecution execution, IReadOnlySet<string> changedTaskIds, StoredTaskRows? stored,
        EntityRecord? primary, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (changedTaskIds.Count == 0)
        {
            return;
        }

        var current = execution.CrtTasks.Select(t => t.Id).ToHashSet();
        var workflowRuns = execution.Status == WorkflowStatus.STARTED && !execution.Deleted;
        foreach (var id in changedTaskIds)
        {
            var task = execution.FindTask(id);
            var before = stored?.Find(db, id);
            if (task is null)
            {
                if (before is not null)
                {
                    db.FlowTasks.Remove(before.Row);
                }

                continue;
            }

            TaskRow row;
            List<string> assignees;
            if (before is not null)
            {
                // A row the change left as it was keeps its "last change": closing a workflow touches every task row,
                // but only the open ones change.
                row = before.Row;
                var lastChange = row.UpdatedAt;
                assignees = Fill(row, task, execution, current, workflowRuns, primary, zone, now);
                var entry = db.Entry(row);
                var changed = entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(TaskRow.UpdatedAt));
                entry.Property(r => r.UpdatedAt).CurrentValue = changed ? now : lastChange;
                entry.Property(r => r.UpdatedAt).IsModified = changed;
            }
            else
            {
                row = new TaskRow { ExecutionId = execution.Id, TaskId = id, Name = "", TaskType = "", Status = "", WorkflowName = "", EntityId = "" };
                db.FlowTasks.Add(row);
                assignees = Fill(row, task, execution, current, workflowRuns, primary, zone, now);
            }

            var kept = before?.Links ?? [];
            foreach (var link in kept.Where(l => !assignees.Contains(l.AssigneeId)))
            {
                db.FlowTaskAssignees.Remove(link);
            }

            foreach (var assignee in assignees)
            {
                var link = kept.Find(l => l.AssigneeId == assignee);
                if (link is null)
                {
                    link = new TaskAssigneeRow { AssigneeId = assignee, ExecutionId = execution.Id, TaskId = id };
                    db.FlowTaskAssignees.Add(link);
                }

                link.IsOpen = row.IsOpen;
                link.DueAt = row.DueAt;
                link.FollowUpOn = row.FollowUpOn;
            }
        }
    }

    /// <summary>
    /// Sets every column of <paramref name="row"/> from the task as it is now and returns the task's distinct assignee
    /// ids (for the assignee links). <paramref name="current"/> holds the ids of the execution's current tasks.
    /// </summary>
    public static List<string> Fill(
        TaskRow row, ExecutionTask task, FlowExecution execution, IReadOnlySet<string> current, bool workflowRuns,
        EntityRecord? primary, TimeZoneInfo zone, DateTimeOffset now)
    {
        var phase = task.PhaseId is null ? null : execution.FindPhase(task.PhaseId);
        var assignees = task.AssigneeIds().Distinct().ToList();
        row.Name = task.Name;
        row.TaskType = task.TaskType.ToString();
        row.Status = task.Status.ToString();
        row.IsOpen = workflowRuns && !task.IsFinished;
        row.Enabled = task.Enabled;
        row.IsCurrent = current.Contains(task.Id);
        row.PhaseId = task.PhaseId;
        row.PhaseName = phase?.Name;
        row.DueAt = task.DueDate?.End(zone);
        row.DueSort = row.DueAt ?? DateTimeOffset.MaxValue;
        row.DueRule = task.DueDate is null && task.DueDateConfig is { } config ? PendingDueDate.Rule(config, execution) : null;
        row.DueText = task.DueDate?.ToString() ?? (row.DueRule is { } rule ? Languages.In(Languages.English, () => PendingDueDate.Describe(rule)) : null);
        row.Unassigned = assignees.Count == 0;
        row.TemplateId = execution.FlowTemplateId;
        row.WorkflowName = execution.Name;
        row.EntityId = primary?.Id ?? execution.PrimaryContext?.EntityId ?? "";
        row.EntitySchema = primary?.Schema ?? execution.PrimaryContext?.EntitySchema;
        row.EntityTitle = primary?.Title;
        row.HasJourney = task.Journey?.JourneyId is not null;
        row.HasAutomation = task.AutomationConfig?.FlowId is not null;
        row.UpdatedAt = now;
        row.FinishedAt = task.IsFinished ? task.Analytics.StatusUpdatedAt ?? now : null;
        row.SearchText = SearchTextOf(task.Name, execution.Name, primary?.Title);
        row.Priority = TaskPriority.Of(task);
        row.FollowUpOn = task.FollowUpDate;
        return assignees;
    }

    /// <summary>What the task search matches a row by: the task's and workflow's names and its record's title.</summary>
    public static string SearchTextOf(string taskName, string workflowName, string? recordTitle) =>
        $"{taskName} {workflowName} {recordTitle}".ToLowerInvariant();
}
