namespace Workflows.Core.Automations;

/// <summary>An automation with its recent activity (the last seven days), for the list.</summary>
public sealed record AutomationSummary(Automation Automation, int RecentRuns, int RecentFailures, DateTimeOffset? LastRunAt);
