using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows.Validation;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>Each validation rule with a failing example and its message.</summary>
public sealed class ValidationTests
{
    private static readonly ClosingReason[] Catalogue =
    [
        new() { Id = "lost", Title = "Lost" },
        new() { Id = "old", Title = "Old reason", Status = ClosingReasonStatus.INACTIVE },
    ];

    private static ValidationProblem Single(TemplateBuilder builder) =>
        Assert.Single(FlowTemplateValidator.Validate(builder.Build(), Catalogue));

    private static void Expect(TemplateBuilder builder, string message, ValidationItemKind kind, string? id)
    {
        var problems = FlowTemplateValidator.Validate(builder.Build(), Catalogue);
        Assert.Contains(new ValidationProblem(message, kind, id), problems);
    }

    private static TemplateBuilder Decision() => ATemplate()
        .WithDecision("d", Branch("yes", When("a", Operator.IsNotEmpty)), Branch("no", When("a", Operator.IsEmpty)))
        .WithTask("y").WithTask("n");

    [Fact]
    public void A_valid_template_has_no_problems()
    {
        var template = Decision().Edge("d", "y", "yes").Edge("d", "n", "no").WithClosingReasons(true, "lost").Build();

        Assert.Empty(FlowTemplateValidator.Validate(template, Catalogue));
    }

    [Fact]
    public void The_workflow_needs_a_name() =>
        Assert.Equal(new ValidationProblem("The workflow needs a name.", ValidationItemKind.Workflow, null), Single(ATemplate(" ").WithTask("a")));

    [Fact]
    public void A_task_needs_a_name() =>
        Assert.Equal(new ValidationProblem("Task 't1' needs a name.", ValidationItemKind.Task, "t1"), Single(ATemplate().WithTask("t1", "")));

    [Fact]
    public void A_phase_needs_a_name() =>
        Assert.Equal(new ValidationProblem("Phase 'p1' needs a name.", ValidationItemKind.Phase, "p1"), Single(ATemplate().WithPhase("p1", "")));

    [Fact]
    public void Task_ids_are_unique() =>
        Assert.Equal(new ValidationProblem("Two tasks share the id 'a'.", ValidationItemKind.Task, "a"), Single(ATemplate().WithTask("a").WithTask("a")));

    [Fact]
    public void Phase_ids_are_unique() =>
        Assert.Equal(new ValidationProblem("Two phases share the id 'p'.", ValidationItemKind.Phase, "p"), Single(ATemplate().WithPhase("p").WithPhase("p")));

    [Fact]
    public void Edge_ids_are_unique() =>
        Expect(ATemplate().WithTask("a").WithTask("b").Chain("a", "b").With(t => t.Edges.Add(t.Edges[0] with { })),
            "Two edges share the id 'e1'.", ValidationItemKind.Edge, "e1");

    [Fact]
    public void An_edge_starts_at_an_existing_task() =>
        Assert.Equal(new ValidationProblem("Edge 'e1' starts at 'ghost', which is not a task.", ValidationItemKind.Edge, "e1"),
            Single(ATemplate().WithTask("a").Edge("ghost", "a")));

    [Fact]
    public void An_edge_leads_to_an_existing_task() =>
        Assert.Equal(new ValidationProblem("Edge 'e1' leads to 'ghost', which is not a task.", ValidationItemKind.Edge, "e1"),
            Single(ATemplate().WithTask("a").Edge("a", "ghost")));

    [Fact]
    public void A_task_is_in_an_existing_phase() =>
        Assert.Equal(new ValidationProblem("Task 'a' is in phase 'nowhere', which does not exist.", ValidationItemKind.Task, "a"),
            Single(ATemplate().WithTask("a").InPhase("nowhere")));

    [Fact]
    public void A_requirement_points_at_an_existing_task() =>
        Assert.Equal(new ValidationProblem("'Send offer' requires task 'ghost', which does not exist.", ValidationItemKind.Task, "offer"),
            Single(ATemplate().WithTask("offer", "Send offer").Requires("ghost")));

    [Fact]
    public void A_requirement_points_at_an_existing_phase() =>
        Assert.Equal(new ValidationProblem("'Send offer' requires phase 'ghost', which does not exist.", ValidationItemKind.Task, "offer"),
            Single(ATemplate().WithTask("offer", "Send offer").RequiresPhase("ghost")));

    [Fact]
    public void A_task_cannot_require_itself() =>
        Assert.Equal(new ValidationProblem("'Send offer' cannot require itself.", ValidationItemKind.Task, "offer"),
            Single(ATemplate().WithTask("offer", "Send offer").Requires("offer")));

    [Fact]
    public void A_task_cannot_require_its_own_phase() =>
        Assert.Equal(new ValidationProblem("'Send offer' requires its own phase 'Sale' to finish, so it could never start.", ValidationItemKind.Task, "offer"),
            Single(ATemplate().WithPhase("sale", "Sale").WithTask("offer", "Send offer").InPhase("sale").RequiresPhase("sale")));

    [Fact]
    public void Requirements_may_not_form_a_cycle() =>
        Assert.Equal(new ValidationProblem("The requirements of 'A', 'C', 'B' wait for each other in a cycle, so none of them could start.", ValidationItemKind.Task, "a"),
            Single(ATemplate().WithTask("a", "A").Requires("c").WithTask("b", "B").Requires("a").WithTask("c", "C").Requires("b")));

    [Fact]
    public void Requirements_through_a_phase_may_not_form_a_cycle()
    {
        var problem = Single(ATemplate().WithPhase("p", "P").WithTask("a", "A").InPhase("p").Requires("b").WithTask("b", "B").RequiresPhase("p"));

        Assert.Equal("The requirements of 'A', 'B' wait for each other in a cycle, so none of them could start.", problem.Message);
    }

    [Fact]
    public void Edges_may_not_form_a_cycle_outside_a_loop_branch() =>
        Assert.Equal(new ValidationProblem("The edges 'A' → 'B' → 'A' form a cycle that is not the loop branch of a decision.", ValidationItemKind.Edge, "e2"),
            Single(ATemplate().WithTask("a", "A").WithTask("b", "B").Chain("a", "b", "a")));

    [Fact]
    public void A_declared_loop_branch_may_lead_back()
    {
        var template = ATemplate().WithTask("work")
            .WithDecision("check", Branch("again", When("x", Operator.IsNotEmpty)), Branch("done", When("x", Operator.IsEmpty))).Looping("again", "done", 3)
            .WithTask("end")
            .Edge("work", "check").Edge("check", "work", "again").Edge("check", "end", "done");

        Assert.Empty(FlowTemplateValidator.Validate(template.Build(), Catalogue));
    }

    [Fact]
    public void A_decision_edge_names_one_of_its_branches() =>
        Expect(Decision().Edge("d", "y", "yes").Edge("d", "n", "maybe"),
            "Edge 'e2' from decision 'd' names branch 'maybe', which 'd' does not have.", ValidationItemKind.Edge, "e2");

    [Fact]
    public void Every_branch_of_a_decision_has_an_edge() =>
        Assert.Equal(new ValidationProblem("Branch 'no' of decision 'd' leads nowhere.", ValidationItemKind.Task, "d"),
            Single(Decision().Edge("d", "y", "yes")));

    [Fact]
    public void An_edge_from_a_decision_belongs_to_a_branch() =>
        Expect(Decision().Edge("d", "y", "yes").Edge("d", "n", "no").Edge("d", "n"),
            "Edge 'e3' from decision 'd' belongs to no branch.", ValidationItemKind.Edge, "e3");

    [Fact]
    public void Only_decisions_have_branch_edges() =>
        Assert.Equal(new ValidationProblem("Edge 'e1' has a branch, but 'a' is not a decision.", ValidationItemKind.Edge, "e1"),
            Single(ATemplate().WithTask("a").WithTask("b").Edge("a", "b", noneMet: true)));

    [Fact]
    public void A_decision_has_at_most_one_default_edge() =>
        Assert.Equal(new ValidationProblem("Decision 'd' has 2 default (none met) edges; at most one is allowed.", ValidationItemKind.Task, "d"),
            Single(Decision().Edge("d", "y", "yes").Edge("d", "n", "no").Edge("d", "y", noneMet: true).Edge("d", "n", noneMet: true)));

    [Fact]
    public void A_loop_names_branches_of_its_decision() =>
        Expect(Decision().Edge("d", "y", "yes").Edge("d", "n", "no").On("d").Looping("yes", "later", 3),
            "The loop of decision 'd' names branch 'later', which 'd' does not have.", ValidationItemKind.Task, "d");

    [Fact]
    public void A_loop_runs_between_1_and_100_times() =>
        Assert.Equal(new ValidationProblem("The loop of decision 'd' must run between 1 and 100 times, not 0.", ValidationItemKind.Task, "d"),
            Single(Decision().Edge("d", "y", "yes").Edge("d", "n", "no").On("d").Looping("yes", "no", 0)));

    [Fact]
    public void A_due_date_anchor_task_exists() =>
        Assert.Equal(new ValidationProblem("The due date of 'Send offer' counts from task 'ghost', which does not exist.", ValidationItemKind.Task, "offer"),
            Single(ATemplate().WithTask("offer", "Send offer").Due(3, TimeUnit.Days, DueDateType.TASK_FINISHED, taskId: "ghost")));

    [Fact]
    public void A_due_date_anchor_phase_exists() =>
        Assert.Equal(new ValidationProblem("The due date of 'Send offer' counts from phase 'ghost', which does not exist.", ValidationItemKind.Task, "offer"),
            Single(ATemplate().WithTask("offer", "Send offer").Due(3, TimeUnit.Days, DueDateType.PHASE_FINISHED, phaseId: "ghost")));

    [Fact]
    public void A_closing_reason_exists_in_the_catalogue() =>
        Assert.Equal(new ValidationProblem("Closing reason 'GHOST' does not exist.", ValidationItemKind.ClosingReason, "ghost"),
            Single(ATemplate().WithTask("a").WithClosingReasons(false, "ghost")));

    [Fact]
    public void A_closing_reason_is_active() =>
        Assert.Equal(new ValidationProblem("Closing reason 'Old reason' is inactive.", ValidationItemKind.ClosingReason, "old"),
            Single(ATemplate().WithTask("a").WithClosingReasons(false, "lost", "old")));

    [Fact]
    public void An_automation_task_names_its_automation() =>
        Assert.Equal(new ValidationProblem("Automation task 'Mail' has no automation to run.", ValidationItemKind.Task, "m"),
            Single(ATemplate().WithAutomation("m", name: "Mail").With(t => t.Tasks[0].AutomationConfig = null)));

    [Fact]
    public void Automations_and_journeys_the_template_names_must_exist_among_the_known_ones()
    {
        var template = ATemplate()
            .WithAutomation("m", name: "Mail")
            .WithTask("c", "Collect data").With(t => t.Tasks[1].Journey = new TaskJourney { JourneyId = "journey-gone" })
            .With(t => t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.JourneySubmission, JourneyId = "journey-gone" })
            .Build();

        Assert.Equal(
            [
                new ValidationProblem("Automation task 'Mail' runs automation 'auto-m', which does not exist.", ValidationItemKind.Task, "m"),
                new ValidationProblem("Task 'Collect data' opens journey 'journey-gone', which does not exist.", ValidationItemKind.Task, "c"),
                new ValidationProblem("The workflow starts on submissions of journey 'journey-gone', which does not exist.", ValidationItemKind.Workflow, null),
            ],
            FlowTemplateValidator.CheckReferences(template, ["auto-other"], ["journey-other"]));
        Assert.Empty(FlowTemplateValidator.CheckReferences(template, ["auto-m"], ["journey-gone"]));
    }

    [Fact]
    public void The_automation_that_starts_the_workflow_must_exist_among_the_known_ones() =>
        Assert.Equal(
            [new ValidationProblem("The workflow is started by automation 'auto-gone', which does not exist.", ValidationItemKind.Workflow, null)],
            FlowTemplateValidator.CheckReferences(
                ATemplate().WithTask("a").With(t => t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Automation, AutomationId = "auto-gone" }).Build(),
                [], []));
}
