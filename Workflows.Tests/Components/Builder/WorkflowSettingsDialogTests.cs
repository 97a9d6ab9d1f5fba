using Bunit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Data;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Journeys;
using Workflows.Web.Components.Builder;

namespace Workflows.Tests.Components.Builder;

/// <summary>The workflow settings dialog: the journey whose submissions start the workflow is picked by name.</summary>
public sealed class WorkflowSettingsDialogTests : BuilderComponentContext
{
    private static readonly BuilderLookups Lookups = BuilderLookups.Empty with
    {
        Journeys =
        [
            new JourneySummary("journey-site-survey", "Site survey", "opportunity", 3, 6, DateTimeOffset.UnixEpoch, null, 0),
            new JourneySummary("journey-move-in", "Move-in details", "contact", 2, 4, DateTimeOffset.UnixEpoch, null, 0),
        ],
    };

    public WorkflowSettingsDialogTests()
    {
        // The catalogue is only asked when a new closing reason is added, which these tests do not do.
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        DatabaseSetup.Configure(options, "Sqlite", "Data Source=:memory:");
        Services.AddSingleton(new ClosingReasonCatalogue(new PooledDbContextFactory<WorkflowsDbContext>(options.Options), TimeProvider.System));
    }

    [Fact]
    public async Task Choosing_a_journey_by_name_sets_it_on_the_trigger()
    {
        var (page, dialog) = await OpenAsync(new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" });

        Choose(page, "Started", "When a journey is submitted");
        page.WaitForAssertion(() => Choose(page, "Journey", "Move-in details"));
        await page.InvokeAsync(() => Button(page, "Apply").Click());

        var settings = (FlowTemplate)(await dialog.Result)!.Data!;
        Assert.Equal(new TemplateTrigger { Type = TemplateTriggerType.JourneySubmission, JourneyId = "journey-move-in" }, settings.Trigger);
    }

    [Fact]
    public async Task Choosing_none_clears_the_journey_of_the_trigger()
    {
        var (page, dialog) = await OpenAsync(new TemplateTrigger { Type = TemplateTriggerType.JourneySubmission, JourneyId = "journey-site-survey" });
        Assert.Equal("Site survey", Shown(page, "Journey").Shown);

        Choose(page, "Journey", "None");
        await page.InvokeAsync(() => Button(page, "Apply").Click());

        var settings = (FlowTemplate)(await dialog.Result)!.Data!;
        Assert.Null(settings.Trigger!.JourneyId);
    }

    [Fact]
    public async Task A_journey_that_no_longer_exists_is_shown_as_unknown_and_kept()
    {
        var (page, dialog) = await OpenAsync(new TemplateTrigger { Type = TemplateTriggerType.JourneySubmission, JourneyId = "journey-deleted" });

        Assert.Equal(("Unknown journey 'journey-deleted'", "This journey no longer exists. Choose another one or None."), Shown(page, "Journey"));
        await page.InvokeAsync(() => Button(page, "Apply").Click());

        var settings = (FlowTemplate)(await dialog.Result)!.Data!;
        Assert.Equal("journey-deleted", settings.Trigger!.JourneyId);
    }

    private async Task<(IRenderedComponent<ContainerFragment> Page, IDialogReference Dialog)> OpenAsync(TemplateTrigger trigger)
    {
        var page = RenderWithPopovers(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
        });
        var template = new FlowTemplate { Name = "Site visit", Trigger = trigger };
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await page.InvokeAsync(() => dialogs.ShowAsync<WorkflowSettingsDialog>("Workflow settings", new DialogParameters<WorkflowSettingsDialog>
        {
            { d => d.Template, template },
            { d => d.Lookups, Lookups },
        }));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".wf-settings")));
        return (page, dialog);
    }
}
