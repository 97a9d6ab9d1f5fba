using System.Security.Claims;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Patches;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary><see cref="ExecutionPatches"/>: what a change of a running workflow, task or phase means, or why it is refused.</summary>
public sealed class ExecutionPatchesTests
{
    private const string PartnerOrganisation = "partner-7";
    private static readonly ClaimsPrincipal CaseWorker = Signed(Roles.CaseWorker);
    private static readonly ClaimsPrincipal Partner = Signed(Roles.Partner);
    private static readonly DueDatePatch InTwoDays = new(null, new DueDateConfig { Duration = 2, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED });

    private readonly FlowExecution execution = EngineHarness.Start(ATemplate()
        .WithPhase("p1", "Preparation")
        .WithTask("docs", "Check documents").InPhase("p1").AssignedTo(Assignee.Of(PartnerOrganisation))
        .WithTask("offer", "Send offer").Requires("docs")
        .WithDecision("size", TriggerMode.Manual, Branch("big"), Branch("small"))
        .Build()).Execution;

    [Fact]
    public void A_workflow_is_reassigned_and_re_dated_before_it_is_closed_with_its_reasons()
    {
        var plan = ExecutionPatches.ForWorkflow(new WorkflowPatch
        {
            Status = new(true, WorkflowStatus.CLOSED),
            ClosingReason = new(true, new FlowClosingReason { SelectedReasons = [new ClosingReasonRef { Id = "cr-1" }], ExtraDescription = "Called." }),
            AssignedTo = new(true, [Assignee.Of("manager")]),
            DueDate = InTwoDays,
        });

        var commands = Commands(plan);

        Assert.Collection(
            commands,
            c => Assert.Equal("manager", Assert.IsType<Assign>(c).Assignees.Single().Id),
            c => Assert.Equal(FlowItemRef.Workflow, Assert.IsType<SetDueDate>(c).Target),
            c =>
            {
                var close = Assert.IsType<CloseFlow>(c);
                Assert.Equal(["cr-1"], close.ReasonIds);
                Assert.Equal("Called.", close.Text);
            });
    }

    [Fact]
    public void The_status_the_workflow_already_has_is_no_change_and_a_patch_of_nothing_else_is_refused()
    {
        var plan = ExecutionPatches.ForWorkflow(new WorkflowPatch { Status = new(true, WorkflowStatus.STARTED) });

        var refusal = Refused(plan.CommandsFor(execution));

        Assert.Null(plan.Refusal);
        Assert.StartsWith("The patch changes nothing", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_other_records_and_a_reason_without_closing_are_refused_together_after_the_bodys_own_mistakes_before_anything_loads()
    {
        var plan = ExecutionPatches.ForWorkflow(new WorkflowPatch
        {
            Status = new(true, WorkflowStatus.DONE),
            ClosingReason = new(true, new FlowClosingReason()),
            ChangesContexts = true,
            Mistakes = ["'x' is not a field of this request."],
        });

        Assert.Equal(RefusalKind.Invalid, plan.Refusal?.Kind);
        Assert.Equal(
            "'x' is not a field of this request. The records of a running workflow cannot be changed; start a new workflow on the other records. "
            + "A workflow becomes DONE when every task is finished; it cannot be set. Use CLOSED to end it early. 'closing_reason' goes with \"status\": \"CLOSED\".",
            plan.Refusal?.Message);
    }

    [Fact]
    public void A_partner_naming_assignees_or_a_due_date_is_refused_with_forbidden_whatever_else_the_body_gets_wrong()
    {
        var patch = new TaskPatch { NamesPlanning = true, Mistakes = ["'assigned_to' must be a list."] };

        var partner = ExecutionPatches.ForTask("docs", patch, Partner);
        var staff = ExecutionPatches.ForTask("docs", patch, CaseWorker);

        Assert.Equal(RefusalKind.Forbidden, partner.Refusal?.Kind);
        Assert.Equal(RefusalKind.Invalid, staff.Refusal?.Kind);
    }

    [Fact]
    public void A_partner_works_a_task_of_their_organisation_and_hears_not_found_about_any_other()
    {
        var patch = new TaskPatch { Status = new(true, StepStatus.IN_PROGRESS) };

        var own = Commands(ExecutionPatches.ForTask("docs", patch, Partner));
        var other = Refused(ExecutionPatches.ForTask("offer", patch, Partner).CommandsFor(execution));

        Assert.Equal(new SetTaskStatus("docs", StepStatus.IN_PROGRESS), Assert.Single(own));
        Assert.Equal(RefusalKind.NotFound, other.Kind);
        Assert.Equal($"There is no task 'offer' of yours in workflow '{execution.Id}'.", other.Message);
    }

    [Fact]
    public void A_branch_decides_the_decision_instead_of_a_status_and_goes_only_with_completed()
    {
        var chosen = Commands(ExecutionPatches.ForTask("size", new TaskPatch { NextConditionId = "big", Status = new(true, StepStatus.COMPLETED) }, CaseWorker));
        var contradicting = ExecutionPatches.ForTask("size", new TaskPatch { NextConditionId = "big", Status = new(true, StepStatus.IN_PROGRESS) }, CaseWorker);

        Assert.Equal(new ChooseDecisionBranch("size", "big"), Assert.Single(chosen));
        Assert.Equal("'next_condition_id' completes a decision; leave out 'status' or send COMPLETED.", contradicting.Refusal?.Message);
    }

    [Fact]
    public void A_tasks_own_fields_are_accepted_unchanged_and_refused_changed()
    {
        TaskPatch Reassign(Func<TaskPatch, TaskPatch> with) => with(new TaskPatch { AssignedTo = new(true, [Assignee.Of("u-2")]), NamesPlanning = true });

        var sameName = ExecutionPatches.ForTask("offer", Reassign(p => p with { Name = new(true, "Send offer") }), CaseWorker);
        var renamed = ExecutionPatches.ForTask("offer", Reassign(p => p with { Name = new(true, "Call") }), CaseWorker);
        var enabled = ExecutionPatches.ForTask("offer", Reassign(p => p with { Enabled = new(true, true) }), CaseWorker);
        var automation = ExecutionPatches.ForTask("offer", Reassign(p => p with { NamesFixedSettings = true }), CaseWorker);
        var unknown = ExecutionPatches.ForTask("nope", Reassign(p => p), CaseWorker);

        Assert.IsType<Assign>(Assert.Single(Commands(sameName)));
        Assert.Equal("The name of 'Send offer' cannot be changed in a running workflow.", Refused(renamed.CommandsFor(execution)).Message);
        Assert.Equal("Whether 'Send offer' is enabled follows from its requirements; it cannot be set.", Refused(enabled.CommandsFor(execution)).Message);
        Assert.Equal(RefusalKind.Invalid, Refused(automation.CommandsFor(execution)).Kind);
        Assert.Equal(RefusalKind.NotFound, Refused(unknown.CommandsFor(execution)).Kind);
    }

    [Fact]
    public void A_phase_is_assigned_and_re_dated_but_neither_renamed_nor_found_when_it_does_not_exist()
    {
        var patch = new PhasePatch { AssignedTo = new(true, []), DueDate = InTwoDays };

        var commands = Commands(ExecutionPatches.ForPhase("p1", patch));
        var renamed = ExecutionPatches.ForPhase("p1", patch with { Name = new(true, "Later") }).CommandsFor(execution);
        var unknown = ExecutionPatches.ForPhase("p9", patch).CommandsFor(execution);

        Assert.Equal([FlowItemRef.Phase("p1"), FlowItemRef.Phase("p1")], commands.Select(c => c is Assign a ? a.Target : ((SetDueDate)c).Target));
        Assert.Equal(RefusalKind.Invalid, Refused(renamed).Kind);
        Assert.Equal(RefusalKind.NotFound, Refused(unknown).Kind);
    }

    [Fact]
    public void A_task_added_by_hand_gets_its_due_date_rule_and_a_status_past_the_start_in_separate_commands()
    {
        var task = new NewTaskPatch { Id = "call", Name = "Call", PreviousTaskId = "docs", Status = new(true, StepStatus.COMPLETED), DueDate = InTwoDays };

        var commands = Commands(ExecutionPatches.ForNewTask(task));
        var assigned = Commands(ExecutionPatches.ForNewTask(task with { Status = new(true, StepStatus.ASSIGNED), DueDate = null }));

        Assert.Equal([typeof(AddManualTask), typeof(SetDueDate), typeof(SetTaskStatus)], commands.Select(c => c.GetType()));
        Assert.Equal(FlowItemRef.Task("call"), ((SetDueDate)commands[1]).Target);
        Assert.IsType<AddManualTask>(Assert.Single(assigned));
    }

    [Fact]
    public void Only_a_manual_task_without_automation_may_be_added_and_its_mistakes_are_named_under_task()
    {
        var task = new NewTaskPatch { Id = "robot", Name = null, Type = new(true, TaskType.AUTOMATION), NamesAutomation = true, Mistakes = ["'name' is required."] };

        var plan = ExecutionPatches.ForNewTask(task);

        Assert.Equal(
            "task: 'name' is required. Only MANUAL tasks can be added to a running workflow. A task added by hand runs no automation; leave out 'automation_config'.",
            plan.Refusal?.Message);
    }

    [Fact]
    public void A_task_patch_sets_priority_and_follow_up_after_its_planning_and_before_its_status()
    {
        var patch = new TaskPatch
        {
            AssignedTo = new(true, [Assignee.Of("anna")]),
            Priority = new(true, 80),
            FollowUpDate = new(true, new DateOnly(2026, 12, 12)),
            Status = new(true, StepStatus.IN_PROGRESS),
        };

        var commands = Commands(ExecutionPatches.ForTask("docs", patch, CaseWorker));

        Assert.Collection(
            commands,
            c => Assert.IsType<Assign>(c),
            c => Assert.Equal(new SetPriority("docs", 80), c),
            c => Assert.Equal(new SetFollowUp("docs", new DateOnly(2026, 12, 12)), c),
            c => Assert.IsType<SetTaskStatus>(c));
    }

    [Fact]
    public void A_priority_outside_0_to_100_is_refused_before_the_workflow_is_read()
    {
        var plan = ExecutionPatches.ForTask("docs", new TaskPatch { Priority = new(true, 101) }, CaseWorker);

        Assert.Equal(RefusalKind.Invalid, plan.Refusal?.Kind);
        Assert.Equal("A priority is a whole number from 0 to 100; 101 is not.", plan.Refusal?.Message);
    }

    private List<FlowCommand> Commands(ExecutionPlan plan)
    {
        Assert.Null(plan.Refusal);
        var commands = plan.CommandsFor(execution);
        Assert.True(commands.Succeeded, commands.Error);
        return [.. commands.Value];
    }

    private static Refusal Refused(Outcome<IReadOnlyList<FlowCommand>> commands)
    {
        Assert.False(commands.Succeeded);
        return commands.Refusal;
    }

    private static ClaimsPrincipal Signed(string role)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, "u-self"), new(ClaimTypes.Role, role)];
        if (role == Roles.Partner)
        {
            claims.Add(new Claim(UserClaims.PartnerId, PartnerOrganisation));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
