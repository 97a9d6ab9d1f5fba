using MudBlazor;
using Workflows.Core;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// Tells the user how an action went: the success text, or the refusal's own message; a conflict (someone else changed
/// it first) is a warning to look again rather than an error.
/// </summary>
public static class OutcomeSnackbar
{
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
            snackbar.Add(refusal.Message, refusal.Kind == RefusalKind.Conflict ? Severity.Warning : Severity.Error);
        }
    }
}
