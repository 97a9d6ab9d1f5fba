using MudBlazor;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// A menu item's action runs after its menu closed. MudBlazor closes a menu once the item's handler returns, and a
/// handler that opens a dialog returns only when the dialog is done, so the menu would stay open over the dialog.
/// </summary>
public static class MenuClosing
{
    private static readonly TimeSpan MenuSettles = TimeSpan.FromMilliseconds(150);

    public static async Task CloseThenAsync(this MudMenu? menu, Func<Task> action)
    {
        if (menu is not null)
        {
            await menu.CloseMenuAsync();

            // The closed menu hands focus back to its button a moment later, from the browser; a dialog opened before
            // that loses its focus to the button, and then Escape never reaches it. Let the menu finish first.
            await Task.Delay(MenuSettles);
        }

        await action();
    }
}
