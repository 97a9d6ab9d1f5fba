namespace Workflows.Core.Sidebar;

/// <summary>One line of a record's activity: what happened, who did it, when, in which workflow.</summary>
public sealed record RecordHistoryItem(DateTimeOffset At, string ActorName, string Summary, string Workflow);
