namespace Workflows.Core.Automations;

/// <summary>
/// The loop breaker (configuration section <c>Automations</c>): an automation asked to run more often than its limit
/// within <see cref="Window"/> is taken for a loop and switched off. Each automation may set its own limit
/// (<see cref="Automation.MaxExecutions"/>), for real bursts such as an import; <see cref="MaxExecutionsPerWindow"/>
/// is the limit of those that do not.
/// </summary>
public sealed class AutomationLimits
{
    public const string Section = "Automations";

    public const int DefaultMaxExecutions = 100;

    /// <summary>The most an automation's own limit may be: a runaway loop must still be stopped within a window.</summary>
    public const int HighestMaxExecutions = 100_000;

    public int MaxExecutionsPerWindow { get; set; } = DefaultMaxExecutions;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    public int LimitOf(Automation automation) => automation.MaxExecutions ?? MaxExecutionsPerWindow;

    /// <summary>What is wrong with the settings, each said with the key to fix.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxExecutionsPerWindow is < 1 or > HighestMaxExecutions)
        {
            yield return $"Automations:MaxExecutionsPerWindow is {MaxExecutionsPerWindow}; it must be between 1 and {HighestMaxExecutions}.";
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromHours(1))
        {
            yield return $"Automations:Window is {Window}; it must be between 00:00:01 and 01:00:00.";
        }
    }
}
