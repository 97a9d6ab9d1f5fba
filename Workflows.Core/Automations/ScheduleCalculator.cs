using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Automations;

/// <summary>
/// When a SCHEDULED automation task runs: immediately, after a delay from now, or relative (before or after) to the
/// workflow's start, a task's completion or a date attribute of the record. A time already past means now.
/// </summary>
public static class ScheduleCalculator
{
    public static DateTimeOffset DueAt(ExecutionTask task, FlowExecution execution, EntityRecord? primary, DateTimeOffset now, TimeZoneInfo zone)
    {
        var schedule = task.Schedule;
        DateTimeOffset due;
        switch (schedule?.Mode)
        {
            case ScheduleMode.Delayed:
                due = Add(now, schedule.Duration ?? 0, schedule.Unit ?? TimeUnit.Minutes, zone);
                break;
            case ScheduleMode.Relative:
                var anchor = Anchor(schedule.Reference, execution, primary, now, zone);
                var sign = string.Equals(schedule.Direction, "before", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
                due = Add(anchor, sign * (schedule.Duration ?? 0), schedule.Unit ?? TimeUnit.Days, zone);
                break;
            default:
                due = now;
                break;
        }

        return due < now ? now : due;
    }

    private static DateTimeOffset Anchor(ScheduleReference? reference, FlowExecution execution, EntityRecord? primary, DateTimeOffset now, TimeZoneInfo zone)
    {
        switch (reference?.Origin)
        {
            case "flow_started":
                return execution.Analytics.StartedAt ?? execution.CreatedAt;
            case "task_completed":
                return (reference.Id is { } taskId ? execution.FindTask(taskId)?.Analytics.CompletedAt : null) ?? now;
            case "trigger_entity_attribute":
                var value = reference.Attribute is { } attribute ? primary?.Attributes[attribute] : null;
                return value is JsonValue text && text.TryGetValue(out string? raw) && Parse(raw, zone) is { } at ? at : now;
            default:
                return now;
        }
    }

    private static DateTimeOffset? Parse(string raw, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // A calendar date counts from the start of that day where the tenant is.
            return new TenantCalendar(zone).StartOf(date);
        }

        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    private static DateTimeOffset Add(DateTimeOffset from, double amount, TimeUnit unit, TimeZoneInfo zone) =>
        Enum.IsDefined(unit) ? new TenantCalendar(zone).Add(from, amount, unit) : from;
}
