using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Workflows.Core;
using Workflows.Web.Components.Shared;

namespace Workflows.Tests.Components.Shared;

/// <summary>
/// Messages cover nothing one works with: at most two at once, at the top centre (not over the sidebar's last tasks
/// and buttons at the bottom right), a success briefly; a third waits for a place.
/// </summary>
public sealed class SnackbarTests : MudTestContext
{
    [Fact]
    public void At_most_two_messages_show_at_once_at_the_top_centre_and_a_success_briefly()
    {
        var provider = Render<MudSnackbarProvider>();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        snackbar.Report(Outcome.Success, "Due date saved.");
        snackbar.Report(Outcome.Success, "Note added.");
        snackbar.Report(Refusal.Invalid("Write something before saving the note."), "unused");

        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll(".mud-snackbar").Count));
        Assert.NotNull(provider.Find(".mud-snackbar-location-top-center"));
        Assert.Equal(["Due date saved.", "Note added."], snackbar.ShownSnackbars.Select(s => s.Message).Order());
        Assert.Equal(OutcomeSnackbar.SuccessMilliseconds, snackbar.Configuration.VisibleStateDuration);
        Assert.True(OutcomeSnackbar.SuccessMilliseconds < OutcomeSnackbar.RefusalMilliseconds);
    }
}
