using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Journeys;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Automations;

public sealed class JourneyTriggerTests : IAsyncLifetime
{
    private const string Opportunity = "opportunity-003";
    private AutomationHarness h = default!;

    public async Task InitializeAsync() => h = await AutomationHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_journey_submitted_from_a_task_runs_the_automations_listening_for_it_once()
    {
        await h.SaveAsync("survey-done", "Note a finished survey",
            [new AutomationTrigger { Type = AutomationTriggerType.JourneySubmitted, TaskFilter = "Conduct site survey" }],
            new AutomationAction { Type = AutomationActionType.AddNote, Body = "Survey in: {{entity.roof_size_m2}} m² roof." });
        var template = await h.SaveTemplateAsync(ATemplate("Survey")
            .WithTask("survey", "Conduct site survey")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
                t.Tasks[0].Journey = new TaskJourney { JourneyId = "journey-site-survey", CompleteTaskAutomatically = true };
            })
            .Build());
        var execution = await h.StartAsync(template.Id!, Opportunity);
        var journeys = h.Services.GetRequiredService<JourneyRunService>();
        var run = await journeys.OpenAsync("journey-site-survey", Opportunity, execution.Id, "survey", CancellationToken.None);

        var submitted = await journeys.SubmitAsync(new JourneySubmit("journey-site-survey", Opportunity, new JsonObject
        {
            ["survey_date"] = "2026-11-26",
            ["roof_size_m2"] = 72,
            ["roof_covering"] = "tiles",
            ["roof_orientation"] = new JsonArray("south"),
            ["meter_cabinet_ok"] = true,
            ["cable_route"] = "Through the attic.",
            ["site_visit_done"] = true,
        }, run.Value!.RecordVersion) { ExecutionId = execution.Id, TaskId = "survey" }, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(submitted.Succeeded, submitted.Error);
        await h.RunJobsAsync();

        var runs = await h.RunsAsync("survey-done");
        Assert.Equal(AutomationRunStatus.Succeeded, Assert.Single(runs).Status);
        await using var db = h.Db();
        Assert.Contains(await db.Notes.Select(n => n.Body).ToListAsync(), body => body == "Survey in: 72 m² roof.");
    }
}
