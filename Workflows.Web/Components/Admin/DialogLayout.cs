using MudBlazor;

namespace Workflows.Web.Components.Admin;

/// <summary>How the administration's dialogs open.</summary>
public static class DialogLayout
{
    public static DialogOptions Form { get; } = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseButton = true,
        CloseOnEscapeKey = true,
    };
}
