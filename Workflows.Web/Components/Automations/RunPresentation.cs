using MudBlazor;
using Workflows.Core.Automations;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Automations;

/// <summary>How runs and action logs look: status words, colours, icons and durations.</summary>
public static class RunPresentation
{
    public static Color StatusColor(AutomationRunStatus status) => status switch
    {
        AutomationRunStatus.Succeeded => Color.Success,
        AutomationRunStatus.Failed => Color.Error,
        AutomationRunStatus.Retrying => Color.Warning,
        AutomationRunStatus.Running => Color.Info,
        _ => Color.Default,
    };

    public static string ActionIcon(ActionStatus status) => status switch
    {
        ActionStatus.Succeeded => Icons.Material.Filled.CheckCircle,
        ActionStatus.Failed => Icons.Material.Filled.Error,
        _ => Icons.Material.Filled.SkipNext,
    };

    public static Color ActionColor(ActionStatus status) => status switch
    {
        ActionStatus.Succeeded => Color.Success,
        ActionStatus.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string Duration(AutomationRun run) =>
        run is { StartedAt: { } started, FinishedAt: { } finished } ? Milliseconds((long)(finished - started).TotalMilliseconds) : "";

    public static string Milliseconds(long ms) =>
        ms < 1000
            ? Languages.Text<AutomationText>("DurationMilliseconds", DateText.Number(ms))
            : Languages.Text<AutomationText>("DurationSeconds", (ms / 1000m).ToString("0.0", Workflows.Core.Localization.Languages.CurrentCulture));
}
