using MudBlazor;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// A menu item's action runs after its menu closed. MudBlazor closes a menu once the item's handler returns, and a
/// handler that opens a dialog returns only when the dialog is done, so the menu would stay open over the dialog.
/// </summary>
public static class MenuClosing
{
    public static async Task CloseThenAsync(this MudMenu? menu, Func<Task> action)
    {
        if (menu is not null)
        {
            await menu.CloseMenuAsync();
        }

        await action();
    }
}
