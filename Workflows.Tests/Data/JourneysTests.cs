using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Core;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

public sealed class JourneysTests : IAsyncLifetime, IDisposable
{
    private const string SiteSurvey = "journey-site-survey";
    private const string Opportunity = "opportunity-003";
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = default!;

    private JourneyDefinitionService Definitions => services.GetRequiredService<JourneyDefinitionService>();

    private JourneyRunService Runs => services.GetRequiredService<JourneyRunService>();

    private JourneyLinkService Links => services.GetRequiredService<JourneyLinkService>();

    private FlowExecutionService Executions => services.GetRequiredService<FlowExecutionService>();

    private EntityService Entities => services.GetRequiredService<EntityService>();

    public async Task InitializeAsync() => services = await CoreServices.BuildSeededAsync(database, clock);

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    private static JsonObject SurveyAnswers(decimal roof = 64) => new()
    {
        ["survey_date"] = "2026-03-09",
        ["roof_size_m2"] = roof,
        ["roof_covering"] = "tiles",
        ["roof_orientation"] = new JsonArray("south", "west"),
        ["meter_cabinet_ok"] = true,
        ["cable_route"] = "Through the attic, 14 m down the north wall.",
        ["site_visit_done"] = true,
    };

    /// <summary>A workflow on the opportunity: "prep", then "survey" opens the site survey and "review" (locked until prep) too.</summary>
    private async Task<FlowExecution> StartSurveyWorkflowAsync(bool completeAutomatically = true)
    {
        var journey = new TaskJourney { JourneyId = SiteSurvey, Name = "Site survey", CompleteTaskAutomatically = completeAutomatically };
        var template = ATemplate("Survey")
            .WithTask("survey", "Conduct site survey")
            .WithTask("prep", "Prepare visit")
            .WithTask("review", "Review survey").Requires("prep")
            .Edge("survey", "review")
            .Edge("prep", "review")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
                t.Tasks.First(x => x.Id == "survey").Journey = journey;
                t.Tasks.First(x => x.Id == "review").Journey = journey;
            })
            .Build();
        var saved = await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        var started = await Executions.StartAsync(saved.Value.Id!, [new EntityRef { EntityId = Opportunity }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        return started.Value;
    }

    private async Task<int> SubmissionCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.JourneySubmissions.CountAsync();
    }

    [Fact]
    public async Task Submitting_from_a_task_writes_the_record_stores_the_submission_adds_history_and_completes_the_task_together()
    {
        var execution = await StartSurveyWorkflowAsync();
        var run = await Runs.OpenAsync(SiteSurvey, Opportunity, execution.Id, "survey", CancellationToken.None);
        Assert.True(run.Succeeded, run.Error);
        Assert.True(run.Value.CompletesTask);
        JourneySubmitted? published = null;
        using var subscription = services.GetRequiredService<JourneySubmissionBus>().Subscribe(s => published = s);

        var submitted = await Runs.SubmitAsync(
            new JourneySubmit(SiteSurvey, Opportunity, SurveyAnswers(), run.Value.RecordVersion) { ExecutionId = execution.Id, TaskId = "survey" },
            Lena, CancellationToken.None);

        Assert.True(submitted.Succeeded, submitted.Error);
        Assert.True(submitted.Value.TaskCompleted);
        var record = await Entities.GetAsync("opportunity", Opportunity, CancellationToken.None);
        Assert.Equal(64m, record!.Attributes["roof_size_m2"]!.GetValue<decimal>());
        Assert.Equal("tiles", record.Attributes["roof_covering"]!.GetValue<string>());
        Assert.Equal("Lena Schmidt", record.UpdatedBy);
        Assert.Equal(run.Value.RecordVersion + 1, record.Version);
        var after = await Executions.GetAsync(execution.Id, CancellationToken.None);
        Assert.Equal(StepStatus.COMPLETED, after!.FindTask("survey")!.Status);
        var history = await Executions.HistoryAsync(execution.Id, CancellationToken.None);
        Assert.Contains(history, e => e.Type == nameof(FlowEventType.JourneySubmitted) && e.ActorName == "Lena Schmidt" && e.TaskId == "survey");
        Assert.Contains(history, e => e.Type == nameof(FlowEventType.TaskCompleted) && e.TaskId == "survey");
        var stored = Assert.Single(await Runs.SubmissionsForEntityAsync(Opportunity, CancellationToken.None));
        Assert.Equal(("lena", "Lena Schmidt", "survey"), (stored.SubmittedById, stored.SubmittedByName, stored.TaskId));
        Assert.Equal("Through the attic, 14 m down the north wall.", stored.Values["cable_route"]!.GetValue<string>());
        Assert.Equal(stored.Id, published?.SubmissionId);
    }

    [Fact]
    public async Task A_submission_based_on_a_stale_record_version_is_refused_and_nothing_is_written()
    {
        var execution = await StartSurveyWorkflowAsync();
        var run = (await Runs.OpenAsync(SiteSurvey, Opportunity, execution.Id, "survey", CancellationToken.None)).Value!;
        var colleague = await Entities.UpdateAsync("opportunity", Opportunity, new JsonObject { ["stage"] = "offer" }, null, false,
            new Actor("mehmet", "Mehmet Yılmaz"), CancellationToken.None);
        Assert.True(colleague.Succeeded, colleague.Error);

        var submitted = await Runs.SubmitAsync(
            new JourneySubmit(SiteSurvey, Opportunity, SurveyAnswers(), run.RecordVersion) { ExecutionId = execution.Id, TaskId = "survey" },
            Lena, CancellationToken.None);

        Assert.False(submitted.Succeeded);
        Assert.Equal(RefusalKind.Conflict, submitted.Refusal.Kind);
        Assert.Contains("Mehmet Yılmaz", submitted.Error, StringComparison.Ordinal);
        var record = await Entities.GetAsync("opportunity", Opportunity, CancellationToken.None);
        Assert.Equal(colleague.Value.Version, record!.Version);
        Assert.NotEqual("tiles", record.Attributes["roof_covering"]?.GetValue<string>());
        var after = await Executions.GetAsync(execution.Id, CancellationToken.None);
        Assert.Equal(StepStatus.PENDING, after!.FindTask("survey")!.Status);
        Assert.DoesNotContain(await Executions.HistoryAsync(execution.Id, CancellationToken.None), e => e.Type == nameof(FlowEventType.JourneySubmitted));
        Assert.Equal(0, await SubmissionCountAsync());
    }

    [Fact]
    public async Task When_the_task_cannot_be_completed_the_record_is_not_written_either()
    {
        var execution = await StartSurveyWorkflowAsync();
        var before = await Entities.GetAsync("opportunity", Opportunity, CancellationToken.None);

        var submitted = await Runs.SubmitAsync(
            new JourneySubmit(SiteSurvey, Opportunity, SurveyAnswers(), before!.Version) { ExecutionId = execution.Id, TaskId = "review" },
            Lena, CancellationToken.None);

        Assert.False(submitted.Succeeded);
        Assert.Contains("Prepare visit", submitted.Error, StringComparison.Ordinal);
        var record = await Entities.GetAsync("opportunity", Opportunity, CancellationToken.None);
        Assert.Equal(before.Version, record!.Version);
        Assert.True(JsonNode.DeepEquals(before.Attributes, record.Attributes));
        Assert.Equal(0, await SubmissionCountAsync());
    }

    [Fact]
    public async Task Without_complete_task_automatically_the_submission_is_recorded_but_the_task_stays_open()
    {
        var execution = await StartSurveyWorkflowAsync(completeAutomatically: false);

        var submitted = await Runs.SubmitAsync(
            new JourneySubmit(SiteSurvey, Opportunity, SurveyAnswers(), null) { ExecutionId = execution.Id, TaskId = "survey" },
            Lena, CancellationToken.None);

        Assert.True(submitted.Succeeded, submitted.Error);
        Assert.False(submitted.Value.TaskCompleted);
        Assert.Equal(StepStatus.PENDING, (await Executions.GetAsync(execution.Id, CancellationToken.None))!.FindTask("survey")!.Status);
        Assert.Contains(await Executions.HistoryAsync(execution.Id, CancellationToken.None), e => e.Type == nameof(FlowEventType.JourneySubmitted));
    }

    [Fact]
    public async Task Answers_that_break_the_journey_rules_are_refused_with_each_fields_message()
    {
        var answers = SurveyAnswers(roof: 2);
        answers["cable_route"] = "short";
        answers["site_visit_done"] = false;

        var submitted = await Runs.SubmitAsync(new JourneySubmit(SiteSurvey, Opportunity, answers, null), Lena, CancellationToken.None);

        Assert.False(submitted.Succeeded);
        Assert.Equal(RefusalKind.Invalid, submitted.Refusal.Kind);
        Assert.Contains("Usable roof area (m²) must be at least 5.", submitted.Error, StringComparison.Ordinal);
        Assert.Contains("Cable route from roof to meter cabinet needs at least 10 characters.", submitted.Error, StringComparison.Ordinal);
        Assert.Contains("Site visit done must be checked.", submitted.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_link_works_once_as_external_then_says_it_was_used()
    {
        var execution = await StartSurveyWorkflowAsync();
        var link = await Links.CreateLinkAsync(SiteSurvey, Opportunity, execution.Id, "survey", TimeSpan.FromDays(7), Lena, CancellationToken.None);
        Assert.True(link.Succeeded, link.Error);

        var opened = await Links.OpenLinkAsync(link.Value.Token, CancellationToken.None);
        Assert.Equal(JourneyLinkState.Valid, opened.State);
        Assert.Equal("Site survey", opened.Run!.Journey.Name);

        var submitted = await Links.SubmitLinkAsync(link.Value.Token, SurveyAnswers(), CancellationToken.None);
        Assert.True(submitted.Succeeded, submitted.Error);
        Assert.Equal("External", submitted.Value.Submission.SubmittedByName);
        Assert.Equal("External", (await Entities.GetAsync("opportunity", Opportunity, CancellationToken.None))!.UpdatedBy);
        Assert.Equal(StepStatus.COMPLETED, (await Executions.GetAsync(execution.Id, CancellationToken.None))!.FindTask("survey")!.Status);

        var again = await Links.OpenLinkAsync(link.Value.Token, CancellationToken.None);
        Assert.Equal(JourneyLinkState.Used, again.State);
        Assert.StartsWith("This link was already used on", again.Message, StringComparison.Ordinal);
        var twice = await Links.SubmitLinkAsync(link.Value.Token, SurveyAnswers(), CancellationToken.None);
        Assert.False(twice.Succeeded);
        Assert.Equal(1, await SubmissionCountAsync());
    }

    [Fact]
    public async Task An_expired_link_says_so_and_a_tampered_one_is_not_valid()
    {
        var link = (await Links.CreateLinkAsync(SiteSurvey, Opportunity, null, null, TimeSpan.FromDays(1), Lena, CancellationToken.None)).Value!;
        var tampered = link.Token[..^2] + (link.Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        Assert.Equal(JourneyLinkState.Invalid, (await Links.OpenLinkAsync(tampered, CancellationToken.None)).State);
        Assert.Equal(JourneyLinkState.Invalid, (await Links.OpenLinkAsync("not-a-token", CancellationToken.None)).State);

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var expired = await Links.OpenLinkAsync(link.Token, CancellationToken.None);
        Assert.Equal(JourneyLinkState.Expired, expired.State);
        Assert.StartsWith("This link expired on", expired.Message, StringComparison.Ordinal);
        Assert.False((await Links.SubmitLinkAsync(link.Token, SurveyAnswers(), CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task A_submission_starts_the_enabled_templates_whose_journey_trigger_names_it()
    {
        var template = ATemplate("After the survey")
            .WithTask("plan", "Plan the system")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.JourneySubmission, JourneyId = SiteSurvey, JourneyName = "Site survey" };
            })
            .Build();
        var saved = await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);

        var submitted = await Runs.SubmitAsync(new JourneySubmit(SiteSurvey, Opportunity, SurveyAnswers(), null), Lena, CancellationToken.None);

        Assert.True(submitted.Succeeded, submitted.Error);
        Assert.Equal(["After the survey"], submitted.Value.StartedWorkflows);
        var running = await Executions.ListForEntityAsync(Opportunity, CancellationToken.None);
        Assert.Contains(running, e => e.Name == "After the survey" && e.Trigger?.Type == ExecutionTriggerType.AUTOMATIC);
    }

    [Fact]
    public async Task The_demo_journeys_the_gallery_templates_open_exist_and_bind_to_demo_attributes()
    {
        foreach (var id in new[] { "journey-site-survey", "journey-move-in", "journey-sepa-mandate" })
        {
            var journey = await Definitions.GetAsync(id, CancellationToken.None);
            Assert.NotNull(journey);
            Assert.Empty(await Definitions.CheckAsync(journey, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Saving_a_journey_based_on_an_old_version_is_refused()
    {
        var journey = (await Definitions.GetAsync("journey-move-in", CancellationToken.None))!;
        var first = journey.Clone();
        first.Name = "Move-in (v2)";
        Assert.True((await Definitions.SaveAsync(first, journey.Version, Lena, CancellationToken.None)).Succeeded);

        var second = journey.Clone();
        second.Description = "Other change";
        var refused = await Definitions.SaveAsync(second, journey.Version, new Actor("jonas", "Jonas Becker"), CancellationToken.None);

        Assert.Equal(RefusalKind.Conflict, refused.Refusal?.Kind);
        Assert.Contains("Lena Schmidt", refused.Error, StringComparison.Ordinal);
    }
}
