namespace Workflows.Web.Components.Builder;

/// <summary>What the palette can put on the canvas.</summary>
public enum PaletteItem
{
    ManualTask,
    AutomationTask,
    Decision,
    Phase,
}
