namespace Workflows.Core.Automations;

/// <summary>DESIGN rule 12: an automation that fires more often than this is taken for a loop and switched off.</summary>
public static class AutomationLimits
{
    public const int MaxRunsInWindow = 100;

    public static TimeSpan Window { get; } = TimeSpan.FromSeconds(30);
}
