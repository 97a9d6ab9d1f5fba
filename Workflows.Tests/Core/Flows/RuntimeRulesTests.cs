using System.Text.Json.Nodes;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>
/// The engine's runtime rules: start, requirements, current tasks, the task status machine, phases, workflow end,
/// manual tasks and events (decisions and due dates have their own files).
/// </summary>
public sealed class RuntimeRulesTests
{
    private static FlowTemplate OfferFlow() => ATemplate()
        .WithPhase("prep", "Preparation").WithPhase("sale", "Sale")
        .WithTask("check", "Check documents").InPhase("prep")
        .WithTask("offer", "Send offer").InPhase("sale").Requires("check")
        .WithTask("sign", "Get signature").InPhase("sale")
        .Chain("check", "offer", "sign")
        .Build();

    // Rule 1: start

    [Fact]
    public void Starting_creates_a_STARTED_execution_with_pending_tasks_and_emits_FlowStarted()
    {
        var run = EngineHarness.Start(OfferFlow());

        Assert.Equal(WorkflowStatus.STARTED, run.Execution.Status);
        Assert.All(run.Execution.Tasks, t => Assert.Equal(StepStatus.PENDING, t.Status));
        Assert.Equal(FlowEventType.FlowStarted, run.Last.Events[0].Type);
        Assert.Equal(EngineHarness.T0, run.Execution.Analytics.StartedAt);
        Assert.Equal("u-anna", run.Execution.Analytics.StartedBy);
        Assert.Equal(["check"], run.Current);
        Assert.True(run.Task("check").Enabled);
        Assert.False(run.Task("offer").Enabled);
        Assert.Equal(1, run.Execution.Version);
        Assert.Equal(1, run.Execution.FlowTemplateRevision);
        Assert.Equal(["check", "offer", "sign"], run.Last.ChangedTaskIds.Order().ToArray());
        Assert.True(run.Execution.PrimaryContext!.IsPrimary);
    }

    [Fact]
    public void Starting_resolves_variable_assignees_from_the_record_and_the_starter()
    {
        var template = ATemplate()
            .WithTask("a").AssignedTo(Assignee.FromVariable("{{entity.owner}}"), Assignee.Of("partner-7"))
            .WithTask("b").AssignedTo(Assignee.FromVariable("{{workflow.started_by}}"), Assignee.FromVariable("{{entity.team}}"))
            .Build();
        var record = new JsonObject { ["owner"] = "u-bert", ["team"] = new JsonArray("u-c", "u-d") };

        var run = EngineHarness.Start(template, record);

        Assert.Equal(["u-bert", "partner-7"], run.Task("a").AssigneeIds());
        Assert.Equal(["u-anna", "u-c", "u-d"], run.Task("b").AssigneeIds());
        Assert.Equal("{{entity.owner}}", run.Task("a").AssignedTo![0].Variable);
    }

    [Fact]
    public void Starting_schedules_reached_automatic_automations_and_leaves_the_others_pending()
    {
        var template = ATemplate()
            .WithAutomation("mail").WithAutomation("manual-run", TriggerMode.Manual).WithAutomation("later")
            .Edge("mail", "later")
            .Build();

        var run = EngineHarness.Start(template);

        Assert.Equal(StepStatus.SCHEDULED, run.Status("mail"));
        Assert.Equal(StepStatus.PENDING, run.Status("manual-run"));
        Assert.Equal(StepStatus.PENDING, run.Status("later"));
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.AutomationTaskScheduled && e.TaskId == "mail");
    }

    [Fact]
    public void Starting_a_disabled_template_is_refused()
    {
        var result = EngineHarness.TryStart(ATemplate("Meter change").WithTask("a").With(t => t.Enabled = false).Build());

        Assert.Equal(FlowErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal("Workflow 'Meter change' is disabled.", result.Error.Message);
    }

    [Fact]
    public void Starting_deeper_than_ten_automation_levels_is_refused_with_a_visible_reason()
    {
        var result = EngineHarness.TryStart(ATemplate().WithTask("a").Build(), chain: new ExecutionChain { Depth = 11 });

        Assert.False(result.Succeeded);
        Assert.Contains("limit 10", result.Error.Message, StringComparison.Ordinal);
        Assert.True(EngineHarness.TryStart(ATemplate().WithTask("a").Build(), chain: new ExecutionChain { Depth = 10 }).Succeeded);
    }

    [Fact]
    public void The_execution_is_a_snapshot_that_later_template_edits_do_not_change()
    {
        var template = OfferFlow();
        var run = EngineHarness.Start(template);

        template.Tasks[0].Name = "Renamed";
        template.Edges.Clear();

        Assert.Equal("Check documents", run.Task("check").Name);
        Assert.Equal(2, run.Execution.Edges.Count);
    }

    // Rule 2: requirements bind, order is advisory

    [Fact]
    public void Completing_a_locked_task_is_refused_with_what_it_waits_for()
    {
        var run = EngineHarness.Start(OfferFlow());

        var result = run.Do(new SetTaskStatus("offer", StepStatus.COMPLETED));

        Assert.Equal(FlowErrorKind.Locked, result.Error!.Kind);
        Assert.Equal("'Send offer' waits for: Check documents", result.Error.Message);
        Assert.Equal(StepStatus.PENDING, run.Status("offer"));
        Assert.Equal(1, run.Execution.Version);
    }

    [Theory]
    [InlineData(StepStatus.IN_PROGRESS)]
    [InlineData(StepStatus.SKIPPED)]
    public void Starting_or_skipping_a_locked_task_is_refused(StepStatus status)
    {
        var run = EngineHarness.Start(OfferFlow());

        Assert.Equal(FlowErrorKind.Locked, run.Do(new SetTaskStatus("offer", status)).Error!.Kind);
    }

    [Fact]
    public void A_skipped_requirement_counts_as_finished()
    {
        var run = EngineHarness.Start(OfferFlow());

        run.Skip("check");

        Assert.True(run.Task("offer").Enabled);
        run.Complete("offer");
    }

    [Fact]
    public void A_phase_requirement_holds_once_every_task_of_the_phase_is_finished()
    {
        var template = ATemplate().WithPhase("prep", "Preparation")
            .WithTask("a").InPhase("prep").WithTask("b").InPhase("prep")
            .WithTask("c", "Install").RequiresPhase("prep")
            .Build();
        var run = EngineHarness.Start(template);

        run.Complete("a");
        Assert.Equal("'Install' waits for: phase Preparation", run.Do(new SetTaskStatus("c", StepStatus.COMPLETED)).Error!.Message);

        run.Complete("b");
        Assert.True(run.Task("c").Enabled);
    }

    [Fact]
    public void Any_enabled_task_may_be_worked_before_it_is_current()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");

        run.Complete("sign");

        Assert.Equal(StepStatus.COMPLETED, run.Status("sign"));
        Assert.Equal(["offer"], run.Current);
    }

    [Fact]
    public void In_a_sequential_workflow_a_task_waits_for_its_direct_predecessors()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a", "Measure").WithTask("b", "Order").Chain("a", "b").Linear().Build());

        var result = run.Do(new SetTaskStatus("b", StepStatus.COMPLETED));

        Assert.Equal("'Order' waits for: Measure", result.Error!.Message);
        run.Complete("a");
        run.Complete("b");
    }

    // Rule 3: current tasks

    [Fact]
    public void Completing_the_current_task_makes_the_next_current_and_emits_CurrTaskChanged()
    {
        var run = EngineHarness.Start(OfferFlow());

        run.Complete("check");

        Assert.Equal(["offer"], run.Current);
        Assert.Equal([FlowEventType.TaskCompleted, FlowEventType.PhaseCompleted, FlowEventType.CurrTaskChanged], run.LastEventTypes);
        Assert.Equal(["check", "offer"], run.Last.ChangedTaskIds.Order().ToArray());
        Assert.NotNull(run.Task("offer").Analytics.StartedAt);
    }

    [Fact]
    public void A_join_waits_for_every_live_incoming_branch()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").WithTask("b").WithTask("join").Edge("a", "join").Edge("b", "join").Build());

        run.Complete("a");
        Assert.Equal(["b"], run.Current);

        run.Complete("b");
        Assert.Equal(["join"], run.Current);
    }

    // Rule 4: status machine and analytics

    [Fact]
    public void Each_transition_stamps_who_and_when()
    {
        var run = EngineHarness.Start(OfferFlow());
        var bert = new FlowActor("u-bert", "Bert");

        run.Time.Advance(TimeSpan.FromMinutes(5));
        run.Do(new SetTaskStatus("check", StepStatus.IN_PROGRESS), bert);
        run.Time.Advance(TimeSpan.FromMinutes(5));
        run.Do(new SetTaskStatus("check", StepStatus.COMPLETED));

        var a = run.Task("check").Analytics;
        Assert.Equal(("u-bert", EngineHarness.T0.AddMinutes(5)), (a.InProgressBy, a.InProgressAt));
        Assert.Equal(("u-anna", EngineHarness.T0.AddMinutes(10)), (a.CompletedBy, a.CompletedAt));
        Assert.Equal(3, run.Execution.Version);
    }

    [Fact]
    public void A_task_goes_on_hold_and_back_to_pending()
    {
        var run = EngineHarness.Start(OfferFlow());

        run.Ok(new SetTaskStatus("check", StepStatus.ON_HOLD));
        Assert.Equal(FlowEventType.TaskMarkedOnHold, run.Last.Events[0].Type);
        Assert.Equal("u-anna", run.Task("check").Analytics.OnHoldBy);

        run.Ok(new SetTaskStatus("check", StepStatus.PENDING));
        Assert.Equal(FlowEventType.TaskMarkedPending, run.Last.Events[0].Type);
        Assert.Equal(["check"], run.Current);
    }

    [Fact]
    public void Completing_a_completed_task_is_a_conflict()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");

        var result = run.Do(new SetTaskStatus("check", StepStatus.COMPLETED));

        Assert.Equal(FlowErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal("'Check documents' is already completed.", result.Error.Message);
    }

    [Fact]
    public void Statuses_the_engine_owns_cannot_be_set_by_hand()
    {
        var run = EngineHarness.Start(OfferFlow());

        var result = run.Do(new SetTaskStatus("check", StepStatus.SCHEDULED));

        Assert.Equal("SCHEDULED is set by the workflow itself, not by hand.", result.Error!.Message);
    }

    [Fact]
    public void Reopening_without_revert_keeps_later_current_tasks()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");

        run.Ok(new SetTaskStatus("check", StepStatus.PENDING));

        Assert.Equal(StepStatus.PENDING, run.Status("check"));
        Assert.Equal(["check", "offer"], run.Current);
        Assert.Equal(FlowEventType.TaskReopened, run.Last.Events[0].Type);
    }

    [Fact]
    public void Revert_execution_makes_the_task_current_and_resets_every_later_task()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");
        run.Complete("offer");

        run.Ok(new SetTaskStatus("check", StepStatus.PENDING, RevertExecution: true));

        Assert.Equal([StepStatus.PENDING, StepStatus.PENDING, StepStatus.PENDING], run.Execution.Tasks.Select(t => t.Status));
        Assert.Equal(["check"], run.Current);
        Assert.False(run.Task("offer").Enabled);
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.TaskReopened && e.TaskId == "offer");
    }

    [Fact]
    public void An_automation_runs_fails_with_a_visible_reason_and_succeeds_on_retry()
    {
        var run = EngineHarness.Start(ATemplate().WithAutomation("mail", name: "Send welcome mail").WithTask("next").Chain("mail", "next").Build());

        run.Ok(new AutomationStarted("mail", "run-1"));
        Assert.Equal(StepStatus.IN_PROGRESS, run.Status("mail"));
        Assert.Equal("run-1", run.Task("mail").AutomationConfig!.ExecutionId);

        run.Ok(new AutomationFailed("mail", "SMTP refused"));
        Assert.Equal(StepStatus.FAILED, run.Status("mail"));
        Assert.Equal("SMTP refused", run.Task("mail").StatusReason);
        Assert.Equal("SMTP refused", run.Task("mail").AutomationConfig!.ErrorReason);
        Assert.Equal(["mail"], run.Current);

        run.Ok(new RetryTask("mail"));
        Assert.Equal(StepStatus.SCHEDULED, run.Status("mail"));
        run.Ok(new AutomationStarted("mail", "run-2"));
        run.Ok(new AutomationCompleted("mail"));

        Assert.Equal(StepStatus.COMPLETED, run.Status("mail"));
        Assert.Equal(["next"], run.Current);
    }

    [Fact]
    public void An_automation_result_for_a_task_skipped_meanwhile_is_a_conflict()
    {
        var run = EngineHarness.Start(ATemplate().WithAutomation("mail").Build());
        run.Skip("mail");

        Assert.Equal(FlowErrorKind.Conflict, run.Do(new AutomationCompleted("mail")).Error!.Kind);
    }

    // Rule 6: phases

    [Fact]
    public void The_first_phase_is_in_progress_at_start_and_the_others_open()
    {
        var run = EngineHarness.Start(OfferFlow());

        Assert.Equal([PhaseStatus.IN_PROGRESS, PhaseStatus.OPEN], run.Execution.Phases.Select(p => p.Status));
    }

    [Fact]
    public void A_phase_is_in_progress_once_a_task_starts_and_completed_when_all_are_finished()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");

        Assert.Equal([PhaseStatus.COMPLETED, PhaseStatus.OPEN], run.Execution.Phases.Select(p => p.Status));
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.PhaseCompleted && e.PhaseId == "prep");

        run.Ok(new SetTaskStatus("offer", StepStatus.IN_PROGRESS));
        Assert.Equal(PhaseStatus.IN_PROGRESS, run.Execution.FindPhase("sale")!.Status);

        run.Complete("offer");
        run.Complete("sign");
        Assert.Equal(PhaseStatus.COMPLETED, run.Execution.FindPhase("sale")!.Status);
    }

    // Rule 7: workflow end

    [Fact]
    public void The_workflow_is_done_when_every_task_is_finished()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");
        run.Skip("offer");

        run.Complete("sign");

        Assert.Equal(WorkflowStatus.DONE, run.Execution.Status);
        Assert.Equal(FlowEventType.FlowCompleted, run.Last.Events[^1].Type);
        Assert.Empty(run.Current);
        Assert.NotNull(run.Execution.Analytics.CompletedAt);
    }

    [Fact]
    public void Closing_records_reasons_text_and_who_and_refuses_task_changes_until_reopened()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").WithClosingReasons(false, "lost", "duplicate").Build());

        run.Ok(new CloseFlow(["lost", "duplicate"], "Customer moved"));

        Assert.Equal(WorkflowStatus.CLOSED, run.Execution.Status);
        Assert.Equal(["lost", "duplicate"], run.Execution.ClosingReason!.SelectedReasons!.Select(r => r.Id));
        Assert.Equal("Customer moved", run.Execution.ClosingReason.ExtraDescription);
        Assert.Equal("u-anna", run.Execution.Analytics.ClosedBy);
        Assert.Equal(FlowEventType.FlowCancelled, run.Last.Events[0].Type);
        Assert.Equal("Workflow 'Solar installation' is closed; reopen it first.", run.Do(new SetTaskStatus("a", StepStatus.COMPLETED)).Error!.Message);

        run.Ok(new ReopenFlow());
        Assert.Equal(WorkflowStatus.STARTED, run.Execution.Status);
        Assert.Equal(FlowEventType.FlowReopened, run.Last.Events[0].Type);
        run.Complete("a");
    }

    [Fact]
    public void Single_reason_closing_is_refused_with_two_reasons()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").WithClosingReasons(true, "lost", "duplicate").Build());

        var result = run.Do(new CloseFlow(["lost", "duplicate"]));

        Assert.Equal(FlowErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal("Workflow 'Solar installation' is closed with exactly one reason; 2 were given.", result.Error.Message);
        Assert.Equal(WorkflowStatus.STARTED, run.Execution.Status);
        run.Ok(new CloseFlow(["lost"]));
    }

    [Fact]
    public void Closing_with_a_reason_outside_the_template_set_is_refused()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").WithClosingReasons(false, "lost").Build());

        Assert.Equal("'won' is not a closing reason of workflow 'Solar installation'.", run.Do(new CloseFlow(["won"])).Error!.Message);
    }

    [Fact]
    public void Reopening_a_done_workflow_reopens_the_task_finished_last()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");
        run.Complete("offer");
        run.Complete("sign");

        run.Ok(new ReopenFlow());

        Assert.Equal(WorkflowStatus.STARTED, run.Execution.Status);
        Assert.Equal(StepStatus.PENDING, run.Status("sign"));
        Assert.Equal(["sign"], run.Current);
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.FlowReopened);
    }

    [Fact]
    public void A_soft_deleted_workflow_is_kept_but_refuses_every_command()
    {
        var run = EngineHarness.Start(OfferFlow());

        run.Ok(new DeleteFlow());

        Assert.True(run.Execution.Deleted);
        Assert.Equal(FlowEventType.FlowDeleted, run.Last.Events[0].Type);
        Assert.Equal(FlowErrorKind.NotFound, run.Do(new SetTaskStatus("check", StepStatus.COMPLETED)).Error!.Kind);
    }

    [Fact]
    public void A_hard_delete_says_so_in_its_event()
    {
        var run = EngineHarness.Start(OfferFlow());

        Assert.Equal("hard", run.Ok(new DeleteFlow(Hard: true)).Events[0].Detail);
    }

    // Rule 9: manual tasks

    [Fact]
    public void A_manual_task_is_inserted_between_two_tasks_and_the_edge_is_rewired()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Complete("check");

        run.Ok(new AddManualTask("extra", "Call customer", "check", "offer"));

        var added = run.Task("extra");
        Assert.True(added.ManuallyCreated);
        Assert.Equal("prep", added.PhaseId);
        Assert.Contains(run.Execution.Edges, e => e.FromId == "check" && e.ToId == "extra");
        Assert.Contains(run.Execution.Edges, e => e.FromId == "extra" && e.ToId == "offer");
        Assert.DoesNotContain(run.Execution.Edges, e => e.FromId == "check" && e.ToId == "offer");
        Assert.Equal(["extra"], run.Current);
        Assert.Equal(FlowEventType.TaskAdded, run.Last.Events[0].Type);
        Assert.Contains("extra", run.Last.ChangedTaskIds);

        run.Complete("extra");
        Assert.Equal(["offer"], run.Current);
    }

    [Fact]
    public void Adding_a_task_with_an_existing_id_is_a_conflict()
    {
        var run = EngineHarness.Start(OfferFlow());

        Assert.Equal(FlowErrorKind.Conflict, run.Do(new AddManualTask("offer", "Again", "check", null)).Error!.Kind);
    }

    // Rule 10: bulk operations are one command per task, each succeeding or failing on its own

    [Fact]
    public void In_a_bulk_completion_each_task_succeeds_or_fails_on_its_own()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a", "A").WithTask("b", "B").Requires("c").WithTask("c", "C").Build());

        string[] bulk = ["a", "b", "c"];
        var results = bulk.ToDictionary(id => id, id => run.Do(new SetTaskStatus(id, StepStatus.COMPLETED)));

        Assert.True(results["a"].Succeeded);
        Assert.Equal("'B' waits for: C", results["b"].Error!.Message);
        Assert.True(results["c"].Succeeded);
        Assert.Equal([StepStatus.COMPLETED, StepStatus.PENDING, StepStatus.COMPLETED], run.Execution.Tasks.Select(t => t.Status));
    }

    // Assignments, due-date overrides and rule 13 (events carry actor and time)

    [Fact]
    public void Assigning_a_task_phase_and_workflow_resolves_variables_and_emits_an_event_each()
    {
        var run = EngineHarness.Start(OfferFlow(), new JsonObject { ["owner"] = "u-bert" });

        run.Ok(new Assign(FlowItemRef.Task("offer"), [Assignee.FromVariable("{{entity.owner}}"), Assignee.Of("partner-1")]));
        Assert.Equal(["u-bert", "partner-1"], run.Task("offer").AssigneeIds());
        Assert.Equal(FlowEventType.TaskAssigned, run.Last.Events[0].Type);
        Assert.Equal(["offer"], run.Last.ChangedTaskIds.ToArray());

        run.Ok(new Assign(FlowItemRef.Phase("sale"), [Assignee.Of("u-c")]));
        Assert.Equal(FlowEventType.PhaseAssigned, run.Last.Events[0].Type);

        run.Ok(new Assign(FlowItemRef.Workflow, [Assignee.Of("u-d")]));
        Assert.Equal(FlowEventType.FlowAssigned, run.Last.Events[0].Type);
        Assert.Equal("u-d", run.Execution.AssignedTo![0].Id);
    }

    [Fact]
    public void Every_event_carries_the_actor_and_the_time_of_the_command()
    {
        var run = EngineHarness.Start(OfferFlow());
        run.Time.Advance(TimeSpan.FromHours(1));
        run.Complete("check");
        run.Ok(new SetDueDate(FlowItemRef.Workflow, FlowDueDate.OnDate(new DateOnly(2025, 4, 1))));

        Assert.All(run.Events, e =>
        {
            Assert.Equal(EngineHarness.Anna, e.Actor);
            Assert.Equal("x1", e.ExecutionId);
            Assert.False(string.IsNullOrWhiteSpace(e.Summary));
        });
        Assert.All(run.Events.Skip(run.Events.FindIndex(e => e.Type == FlowEventType.TaskCompleted)), e => Assert.Equal(EngineHarness.T0.AddHours(1), e.At));
        Assert.Equal(FlowEventType.FlowDueDateChanged, run.Last.Events[0].Type);
    }

    [Fact]
    public void Unknown_tasks_are_not_found()
    {
        var run = EngineHarness.Start(OfferFlow());

        var result = run.Do(new SetTaskStatus("nope", StepStatus.COMPLETED));

        Assert.Equal(FlowErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("Workflow 'Solar installation' has no task 'nope'.", result.Error.Message);
    }

    [Fact]
    public void The_execution_carries_the_entity_sync_rules_for_the_service_to_apply()
    {
        var rule = new EntitySync
        {
            Trigger = new EntitySyncTrigger { Event = EntitySyncEvent.TaskCompleted, Filter = new EntitySyncFilter { TaskTemplateId = "check" } },
            Value = new EntitySyncValue { Source = EntitySyncValueSource.TaskStatus },
            Target = new EntityAttributeTarget { EntitySchema = "opportunity", EntityAttribute = "docs_status" },
        };
        var run = EngineHarness.Start(ATemplate().WithTask("check").With(t => t.EntitySync = [rule]).Build());

        run.Complete("check");

        Assert.Equal(rule, Assert.Single(run.Execution.EntitySync!));
        Assert.Contains(run.Last.Events, e => e.Type.ToString() == rule.Trigger.Event.ToString() && e.TaskId == rule.Trigger.Filter!.TaskTemplateId);
    }
}
