using MudBlazor;
using Workflows.Core;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// Tells the user how an action went: the success text, or the refusal's own message; a conflict (someone else changed
/// it first) is a warning to look again rather than an error.
/// </summary>
public static class OutcomeSnackbar
{
    /// <summary>How long a success stays; a refusal stays <see cref="RefusalMilliseconds"/>, long enough to read what to change.</summary>
    public const int SuccessMilliseconds = 2500;

    public const int RefusalMilliseconds = 6000;

    /// <summary>
    /// Where messages appear and how many at once, for the whole app: two at most, newest first, at the top centre
    /// under the app bar, where no list, sidebar button or dialog action sits.
    /// </summary>
    public static void Configure(SnackbarConfiguration configuration)
    {
        configuration.PositionClass = Defaults.Classes.Position.TopCenter;
        configuration.MaxDisplayedSnackbars = 2;
        configuration.NewestOnTop = true;
        configuration.VisibleStateDuration = SuccessMilliseconds;
        configuration.ShowTransitionDuration = 200;
        configuration.HideTransitionDuration = 200;
    }

    public static void Report(this ISnackbar snackbar, Outcome outcome, string success) => snackbar.Report(outcome.Refusal, success);

    public static void Report<T>(this ISnackbar snackbar, Outcome<T> outcome, string success) => snackbar.Report(outcome.Refusal, success);

    public static void Report(this ISnackbar snackbar, Refusal? refusal, string success)
    {
        if (refusal is null)
        {
            snackbar.Add(success, Severity.Success);
        }
        else
        {
            snackbar.Add(refusal.Message, refusal.Kind == RefusalKind.Conflict ? Severity.Warning : Severity.Error,
                options => options.VisibleStateDuration = RefusalMilliseconds);
        }
    }
}
