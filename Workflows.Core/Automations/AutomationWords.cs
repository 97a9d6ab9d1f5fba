using Workflows.Core.Localization;

namespace Workflows.Core.Automations;

/// <summary>
/// What an action type and a run status are called in the current language ("Call webhook", „Webhook aufrufen“): the
/// editor, the run list and the save rules' refusals all read these.
/// </summary>
public static class AutomationWords
{
    public static string Action(AutomationActionType type) =>
        Enum.IsDefined(type) ? Languages.Text<CoreText>("AutomationAction_" + type) : type.ToString();

    public static string Status(AutomationRunStatus status) =>
        Enum.IsDefined(status) ? Languages.Text<CoreText>("AutomationRunStatus_" + status) : status.ToString();
}
