using MudBlazor;
using Workflows.Core;

namespace Workflows.Web.Components.Shared;

/// <summary>Tells the user how an action went: the success text, or the refusal's own message.</summary>
public static class OutcomeSnackbar
{
    public static void Report(this ISnackbar snackbar, Outcome outcome, string success)
    {
        if (outcome.Succeeded)
        {
            snackbar.Add(success, Severity.Success);
        }
        else
        {
            snackbar.Add(outcome.Error, Severity.Error);
        }
    }

    public static void Report<T>(this ISnackbar snackbar, Outcome<T> outcome, string success)
    {
        if (outcome.Succeeded)
        {
            snackbar.Add(success, Severity.Success);
        }
        else
        {
            snackbar.Add(outcome.Error, Severity.Error);
        }
    }
}
