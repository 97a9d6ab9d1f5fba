using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core;
using Workflows.Tests.Core.Flows;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

public sealed class FlowStorageTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private static readonly Actor Mehmet = new("mehmet", "Mehmet Yılmaz");
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;

    private FlowTemplateService Templates => services.GetRequiredService<FlowTemplateService>();

    private FlowExecutionService Executions => services.GetRequiredService<FlowExecutionService>();

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    private static FlowTemplate Solar() => ATemplate("Solar check")
        .WithPhase("p1", "Preparation")
        .WithTask("docs", "Check documents").InPhase("p1").AssignedTo(Assignee.Of("lena"))
        .WithTask("offer", "Send offer").InPhase("p1").Requires("docs").AssignedTo(Assignee.Of("partner-solartech"))
        .Chain("docs", "offer")
        .With(t =>
        {
            t.Id = null;
            t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
            t.EntitySync =
            [
                new EntitySync
                {
                    Trigger = new EntitySyncTrigger { Event = EntitySyncEvent.TaskCompleted },
                    Value = new EntitySyncValue { Source = EntitySyncValueSource.TaskName },
                    Target = new EntityAttributeTarget { EntitySchema = "opportunity", EntityAttribute = "workflow_status" },
                },
            ];
        })
        .Build();

    [Fact]
    public async Task A_template_and_an_execution_round_trip_through_sqlite()
    {
        var saved = await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);

        var loaded = await Templates.GetAsync(saved.Value.Id!, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(saved.Value, FlowJson.Options), JsonSerializer.Serialize(loaded, FlowJson.Options));

        var started = await Executions.StartAsync(saved.Value.Id!, [new EntityRef { EntityId = "opportunity-001" }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        var reloaded = await Executions.GetAsync(started.Value.Id, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(started.Value, FlowJson.Options), JsonSerializer.Serialize(reloaded, FlowJson.Options));
        Assert.Equal("opportunity", reloaded!.PrimaryContext!.EntitySchema);
    }

    [Fact]
    public async Task Saving_twice_keeps_two_versions_and_an_execution_stays_on_the_version_it_started_from()
    {
        var v1 = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var execution = (await Executions.StartAsync(v1.Id!, [new EntityRef { EntityId = "opportunity-002" }], Lena, CancellationToken.None)).Value!;

        var edited = (await Templates.GetAsync(v1.Id!, CancellationToken.None))!;
        edited.Tasks.Add(new FlowTask { Id = "visit", Name = "Site visit" });
        edited.Edges.Add(new FlowEdge { Id = "e-visit", FromId = "offer", ToId = "visit" });
        var v2 = await Templates.SaveAsync(edited, expectedRevision: 1, Mehmet, CancellationToken.None);

        Assert.True(v2.Succeeded, v2.Error);
        Assert.Equal(2, v2.Value.Revision);
        Assert.Equal([2, 1], (await Templates.ListVersionsAsync(v1.Id!, CancellationToken.None)).Select(v => v.Revision));
        Assert.Equal(2, (await Templates.GetVersionAsync(v1.Id!, 1, CancellationToken.None))!.Tasks.Count);
        var pinned = (await Executions.GetAsync(execution.Id, CancellationToken.None))!;
        Assert.Equal(1, pinned.FlowTemplateRevision);
        Assert.DoesNotContain(pinned.Tasks, t => t.Id == "visit");
    }

    [Fact]
    public async Task A_start_after_a_save_uses_the_new_revision_though_the_old_one_was_started_before()
    {
        var v1 = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        Assert.True((await Executions.StartAsync(v1.Id!, [new EntityRef { EntityId = "opportunity-002" }], Lena, CancellationToken.None)).Succeeded);

        var edited = (await Templates.GetAsync(v1.Id!, CancellationToken.None))!;
        edited.Tasks.Add(new FlowTask { Id = "visit", Name = "Site visit" });
        edited.Edges.Add(new FlowEdge { Id = "e-visit", FromId = "offer", ToId = "visit" });
        Assert.True((await Templates.SaveAsync(edited, expectedRevision: 1, Mehmet, CancellationToken.None)).Succeeded);
        var second = await Executions.StartAsync(v1.Id!, [new EntityRef { EntityId = "opportunity-003" }], Lena, CancellationToken.None);
        Assert.True(await Templates.SetEnabledAsync(v1.Id!, false, Lena, CancellationToken.None) is { Succeeded: true });
        var disabled = await Executions.StartAsync(v1.Id!, [new EntityRef { EntityId = "opportunity-004" }], Lena, CancellationToken.None);

        Assert.Equal(2, second.Value!.FlowTemplateRevision);
        Assert.Contains(second.Value.Tasks, t => t.Id == "visit");
        Assert.Equal(RefusalKind.Invalid, disabled.Refusal!.Kind);
        Assert.Contains("disabled", disabled.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_revision_is_refused_naming_who_saved_in_between()
    {
        var v1 = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var mine = (await Templates.GetAsync(v1.Id!, CancellationToken.None))!;
        var theirs = (await Templates.GetAsync(v1.Id!, CancellationToken.None))!;
        theirs.Name = "Solar check (Mehmet)";
        Assert.True((await Templates.SaveAsync(theirs, 1, Mehmet, CancellationToken.None)).Succeeded);

        mine.Name = "Solar check (Lena)";
        var refused = await Templates.SaveAsync(mine, 1, Lena, CancellationToken.None);

        Assert.Equal(RefusalKind.Conflict, refused.Refusal!.Kind);
        Assert.Contains("Mehmet Yılmaz", refused.Error, StringComparison.Ordinal);
        Assert.Equal("Solar check (Mehmet)", (await Templates.GetAsync(v1.Id!, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task A_template_naming_a_missing_automation_or_journey_is_refused_on_every_save_and_listed_by_validate()
    {
        var ghost = ATemplate("Ghost references").WithAutomation("ghost").WithTask("form", "Fill in the form")
            .With(t => t.Tasks[1].Journey = new TaskJourney { JourneyId = "journey-ghost" }).Build();
        var kept = (await Templates.SaveAsync(ATemplate("Kept").WithAutomation("mail").With(t =>
            t.Tasks[0].AutomationConfig = new AutomationConfig { FlowId = DemoAutomations.SendOfferEmail }).Build(), null, Lena, CancellationToken.None)).Value!;
        await using (var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            await db.Automations.Where(a => a.Id == DemoAutomations.SendOfferEmail).ExecuteDeleteAsync();
        }

        var saved = await Templates.SaveAsync(ghost, null, Lena, CancellationToken.None);
        var problems = await Templates.ValidateAsync(ghost, CancellationToken.None);
        var duplicated = await Templates.DuplicateAsync(kept.Id!, Lena, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, saved.Refusal!.Kind);
        Assert.Contains("auto-ghost", saved.Error, StringComparison.Ordinal);
        Assert.Contains("journey-ghost", saved.Error, StringComparison.Ordinal);
        Assert.Equal(2, problems.Count);
        Assert.Equal(RefusalKind.Invalid, duplicated.Refusal!.Kind);
        Assert.Contains(DemoAutomations.SendOfferEmail, duplicated.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_template_is_refused_with_the_validators_message_and_nothing_is_saved()
    {
        var broken = Solar();
        broken.Edges.Add(new FlowEdge { Id = "dangling", FromId = "offer", ToId = "nowhere" });

        var refused = await Templates.SaveAsync(broken, null, Lena, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, refused.Refusal!.Kind);
        Assert.Contains("nowhere", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await Templates.ListAsync(TemplateQuery.AllByName, CancellationToken.None), t => t.Name == "Solar check");
    }

    [Fact]
    public async Task Deleting_a_template_is_refused_while_its_workflows_run()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "opportunity-003" }], Lena, CancellationToken.None);

        var refused = await Templates.DeleteAsync(template.Id!, Lena, CancellationToken.None);

        Assert.Equal(RefusalKind.Conflict, refused.Refusal!.Kind);
        Assert.Contains("Disable it instead", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_a_task_updates_its_row_its_assignee_links_the_history_and_the_record_in_one_go()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var execution = (await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "opportunity-004" }], Lena, CancellationToken.None)).Value!;

        var done = await Executions.ApplyAsync(execution.Id, new SetTaskStatus("docs", StepStatus.COMPLETED), Lena, execution.Version, CancellationToken.None);

        Assert.True(done.Succeeded, done.Error);
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var rows = await db.FlowTasks.AsNoTracking().Where(t => t.ExecutionId == execution.Id).ToDictionaryAsync(t => t.TaskId);
        Assert.Equal("COMPLETED", rows["docs"].Status);
        Assert.False(rows["docs"].IsOpen);
        Assert.True(rows["offer"].Enabled);
        Assert.True(rows["offer"].IsCurrent);
        Assert.Equal("Preparation", rows["offer"].PhaseName);
        var links = await db.FlowTaskAssignees.AsNoTracking().Where(a => a.ExecutionId == execution.Id).ToListAsync();
        Assert.Contains(links, l => l.AssigneeId == "lena" && l.TaskId == "docs" && !l.IsOpen);
        Assert.Contains(links, l => l.AssigneeId == "partner-solartech" && l.TaskId == "offer" && l.IsOpen);
        Assert.Contains(await db.FlowEvents.AsNoTracking().Where(e => e.ExecutionId == execution.Id).Select(e => e.Type).ToListAsync(), t => t == "TaskCompleted");
        var record = await db.EntityRecords.AsNoTracking().SingleAsync(r => r.Id == "opportunity-004");
        Assert.Equal("Check documents", (string?)record.Attributes["workflow_status"]);
    }

    [Fact]
    public async Task Reassigning_a_task_replaces_its_links_and_a_row_the_change_left_alone_keeps_its_last_change()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var execution = (await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "opportunity-006" }], Lena, CancellationToken.None)).Value!;
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var offerBefore = await db.FlowTasks.AsNoTracking().SingleAsync(t => t.ExecutionId == execution.Id && t.TaskId == "offer");
        await Task.Delay(5);

        var assigned = await Executions.ApplyAsync(
            execution.Id, new Assign(FlowItemRef.Task("docs"), [Assignee.Of("mehmet"), Assignee.Of("anna")]), Lena, execution.Version, CancellationToken.None);
        var offerAfterAssign = await db.FlowTasks.AsNoTracking().SingleAsync(t => t.ExecutionId == execution.Id && t.TaskId == "offer");
        var closed = await Executions.ApplyAsync(execution.Id, new CloseFlow([]), Lena, assigned.Value!.Version, CancellationToken.None);

        Assert.True(closed.Succeeded, closed.Error);
        Assert.Equal(offerBefore.UpdatedAt, offerAfterAssign.UpdatedAt);
        var links = await db.FlowTaskAssignees.AsNoTracking().Where(a => a.ExecutionId == execution.Id && a.TaskId == "docs").ToListAsync();
        Assert.Equal(["anna", "mehmet"], links.Select(l => l.AssigneeId).Order());
        Assert.All(links, l => Assert.False(l.IsOpen));
        var rows = await db.FlowTasks.AsNoTracking().Where(t => t.ExecutionId == execution.Id).ToDictionaryAsync(t => t.TaskId);
        Assert.False(rows["docs"].IsOpen);
        Assert.False(rows["offer"].IsOpen);
        Assert.True(rows["docs"].UpdatedAt > offerBefore.UpdatedAt);
        Assert.True(rows["offer"].UpdatedAt > offerBefore.UpdatedAt);
        Assert.False((await db.FlowTaskAssignees.AsNoTracking().SingleAsync(a => a.ExecutionId == execution.Id && a.TaskId == "offer")).IsOpen);
    }

    [Fact]
    public async Task Concurrent_completions_of_one_task_give_one_success_and_conflicts_for_the_rest()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var execution = (await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "opportunity-005" }], Lena, CancellationToken.None)).Value!;

        var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(() => Executions.ApplyAsync(
            execution.Id, new SetTaskStatus("docs", StepStatus.COMPLETED), new Actor($"user-{i}", $"User {i}"), execution.Version, CancellationToken.None)));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(RefusalKind.Conflict, o.Refusal!.Kind));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Contains("was changed by User", o.Error, StringComparison.Ordinal));
        var history = await Executions.HistoryAsync(execution.Id, CancellationToken.None);
        Assert.Single(history, e => e.Type == "TaskCompleted");
    }

    [Fact]
    public async Task Concurrent_workflow_changes_are_grouped_by_one_writer_on_sqlite_and_commit_directly_on_postgres()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var executions = new List<FlowExecution>();
        for (var i = 0; i < 4; i++)
        {
            executions.Add((await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = $"opportunity-{i + 1:000}" }], Lena, CancellationToken.None)).Value!);
        }

        var outcomes = await Task.WhenAll(executions.Select(e => Task.Run(() =>
            Executions.ApplyAsync(e.Id, new SetTaskStatus("docs", StepStatus.COMPLETED), Lena, e.Version, CancellationToken.None))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error));
        Assert.Equal(!database.IsPostgres, services.GetRequiredService<CommitQueue>().WriterStarted);
    }

    [Fact]
    public async Task Changes_saved_at_the_same_time_are_all_committed_and_a_stale_one_among_them_is_refused_alone()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var executions = new List<FlowExecution>();
        for (var i = 0; i < 8; i++)
        {
            executions.Add((await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = $"opportunity-{i + 1:000}" }], Lena, CancellationToken.None)).Value!);
        }

        // Eight different workflows and two callers racing on the first one: the group commit saves what waits
        // together, and the loser's savepoint is rolled back without taking the others with it.
        var changes = executions.Select(e => (e.Id, Actor: Lena))
            .Append((executions[0].Id, Actor: Mehmet))
            .Select(c => Task.Run(() => Executions.ApplyAsync(
                c.Id, new SetTaskStatus("docs", StepStatus.COMPLETED), c.Actor, executions.Single(e => e.Id == c.Id).Version, CancellationToken.None)));
        var outcomes = await Task.WhenAll(changes);

        Assert.Equal(8, outcomes.Count(o => o.Succeeded));
        Assert.Equal(RefusalKind.Conflict, Assert.Single(outcomes, o => !o.Succeeded).Refusal!.Kind);
        foreach (var execution in executions)
        {
            var stored = (await Executions.GetAsync(execution.Id, CancellationToken.None))!;
            Assert.Equal(StepStatus.COMPLETED, stored.FindTask("docs")!.Status);
            Assert.Equal(execution.Version + 1, stored.Version);
            Assert.Single(await Executions.HistoryAsync(execution.Id, CancellationToken.None), e => e.Type == "TaskCompleted");
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.Equal(8, await db.FlowTasks.CountAsync(t => t.TaskId == "docs" && t.Status == "COMPLETED"));
    }

    [Fact]
    public async Task Starts_racing_to_write_one_record_all_start_by_trying_again_on_the_fresh_record()
    {
        var solar = Solar();
        solar.EntitySync =
        [
            new EntitySync
            {
                Trigger = new EntitySyncTrigger { Event = EntitySyncEvent.FlowStarted },
                Value = new EntitySyncValue { Source = EntitySyncValueSource.WorkflowStatus },
                Target = new EntityAttributeTarget { EntitySchema = "opportunity", EntityAttribute = "workflow_status" },
            },
        ];
        var template = (await Templates.SaveAsync(solar, null, Lena, CancellationToken.None)).Value!;

        // Each start writes the record's workflow status (entity sync), so starts on one record race for its version.
        var starts = Enumerable.Range(0, 8).Select(i => Task.Run(() => Executions.StartAsync(
            template.Id!, [new EntityRef { EntityId = "opportunity-007" }], new Actor($"user-{i}", $"User {i}"), CancellationToken.None)));
        var outcomes = await Task.WhenAll(starts);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error));
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var stored = await db.FlowExecutions.CountAsync(e => e.PrimaryEntityId == "opportunity-007" && e.TemplateId == template.Id);
        Assert.Equal(8, stored);
        var record = await db.EntityRecords.AsNoTracking().SingleAsync(r => r.Id == "opportunity-007");
        Assert.Equal("STARTED", (string?)record.Attributes["workflow_status"]);
    }

    [Fact]
    public async Task A_locked_task_is_refused_with_what_it_waits_for_and_nothing_changes()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var execution = (await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "opportunity-006" }], Lena, CancellationToken.None)).Value!;

        var refused = await Executions.ApplyAsync(execution.Id, new SetTaskStatus("offer", StepStatus.COMPLETED), Lena, null, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, refused.Refusal!.Kind);
        Assert.Contains("Check documents", refused.Error, StringComparison.Ordinal);
        Assert.Equal(execution.Version, (await Executions.GetAsync(execution.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Bulk_operations_report_each_task_on_its_own()
    {
        var template = (await Templates.SaveAsync(Solar(), null, Lena, CancellationToken.None)).Value!;
        var execution = (await Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "opportunity-007" }], Lena, CancellationToken.None)).Value!;

        var results = await Executions.BulkAsync(
        [
            new BulkItem(execution.Id, "offer", new SetTaskStatus("offer", StepStatus.COMPLETED)),
            new BulkItem(execution.Id, "docs", new SetTaskStatus("docs", StepStatus.IN_PROGRESS)),
        ], Lena, CancellationToken.None);

        Assert.False(results[0].Succeeded);
        Assert.Contains("Check documents", results[0].Message, StringComparison.Ordinal);
        Assert.True(results[1].Succeeded);
    }
}
