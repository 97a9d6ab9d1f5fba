using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

public sealed class TemplateEditsTests
{
    [Theory]
    [InlineData(TaskType.MANUAL, "New task")]
    [InlineData(TaskType.AUTOMATION, "New automation")]
    [InlineData(TaskType.DECISION, "New decision")]
    public void A_new_task_is_named_after_its_type_and_gets_a_fresh_id(TaskType type, string name)
    {
        var task = TemplateEdits.NewTask(type);

        Assert.Equal(name, task.Name);
        Assert.Equal(type, task.TaskType);
        Assert.Matches("^task_[0-9a-f]{12}$", task.Id);
        Assert.NotEqual(task.Id, TemplateEdits.NewTask(type).Id);
    }

    [Fact]
    public void A_new_decision_starts_with_one_empty_yes_branch_and_other_tasks_with_none()
    {
        var branch = Assert.Single(TemplateEdits.NewTask(TaskType.DECISION).Conditions!);

        Assert.Equal("Yes", branch.BranchName);
        Assert.Equal(LogicalOperator.AND, branch.LogicalOperator);
        Assert.Empty(branch.Statements!);
        Assert.Null(TemplateEdits.NewTask(TaskType.MANUAL).Conditions);
    }

    [Fact]
    public void A_new_phase_and_a_further_branch_get_their_default_names()
    {
        Assert.Equal("New phase", TemplateEdits.NewPhase().Name);
        Assert.StartsWith("phase_", TemplateEdits.NewPhase().Id, StringComparison.Ordinal);
        Assert.Equal("Branch 3", TemplateEdits.NewBranch(existing: 2).BranchName);
    }

    [Fact]
    public void An_edge_drawn_from_a_decision_takes_the_first_branch_without_an_edge()
    {
        var decision = new FlowTask { Id = "size", Name = "Size", TaskType = TaskType.DECISION, Conditions = [Branch("big"), Branch("small")] };
        var next = new FlowTask { Id = "next", Name = "Next" };

        Assert.Equal("big", TemplateEdits.NewEdge(decision, next, []).ConditionId);
        Assert.Equal("small", TemplateEdits.NewEdge(decision, next, ["big"]).ConditionId);
        Assert.Null(TemplateEdits.NewEdge(decision, next, ["big", "small"]).ConditionId);
        Assert.Null(TemplateEdits.NewEdge(next, decision, []).ConditionId);
    }

    [Fact]
    public void A_statement_is_about_the_record_and_takes_the_attribute_it_is_pointed_at()
    {
        var statement = TemplateEdits.NewStatement("opportunity");

        var pointed = TemplateEdits.WithAttribute(statement, "opportunity", "  amount ", "number");

        Assert.Equal(Operator.Equal, statement.Operator);
        Assert.Equal("trigger", statement.Source!.Origin);
        Assert.Equal("entity", statement.Source.OriginType);
        Assert.Equal("opportunity", statement.Source.Schema);
        Assert.Equal("amount", pointed.Source!.Attribute);
        Assert.Equal("number", pointed.Source.AttributeType);
        Assert.Null(TemplateEdits.WithAttribute(pointed, null, " ", null).Source!.Attribute);
    }

    [Fact]
    public void List_operators_split_the_typed_values_at_commas_and_others_keep_one_value()
    {
        Assert.Equal(["a", "b"], TemplateEdits.StatementValues(" a, b ,", Operator.AnyOf)!);
        Assert.Equal(["a, b"], TemplateEdits.StatementValues(" a, b ", Operator.Equal)!);
        Assert.Null(TemplateEdits.StatementValues("  ", Operator.NoneOf));
    }

    [Fact]
    public void A_new_loop_repeats_the_second_branch_exits_by_the_first_at_most_three_times()
    {
        var loop = TemplateEdits.NewLoop([Branch("done"), Branch("again")]);

        Assert.Equal("again", loop.LoopBranchId);
        Assert.Equal("done", loop.ExitBranchId);
        Assert.Equal(3, loop.MaxIterations);
        Assert.Equal("only", TemplateEdits.NewLoop([Branch("only")]).LoopBranchId);
    }

    [Fact]
    public void An_edge_is_taken_by_a_branch_by_none_met_or_by_nothing()
    {
        var edge = new FlowEdge { Id = "e", FromId = "size", ToId = "next", ConditionId = "big" };

        var byBranch = TemplateEdits.TakenBy(edge, "small", noneMet: false);
        var byNoneMet = TemplateEdits.TakenBy(edge, "big", noneMet: true);

        Assert.Equal("small", byBranch.ConditionId);
        Assert.Null(byBranch.NoneMet);
        Assert.Null(byNoneMet.ConditionId);
        Assert.True(byNoneMet.NoneMet);
        Assert.Null(TemplateEdits.TakenBy(edge, null, noneMet: false).ConditionId);
    }

    [Fact]
    public void Deleting_a_task_or_phase_drops_the_requirements_on_it_and_empty_lists_with_them()
    {
        var template = ATemplate().WithPhase("sales").WithTask("a").WithTask("b").Requires("a").WithTask("c").Requires("a").Build();
        template.Tasks[2].Requirements!.Add(new EnableRequirement { PhaseId = "sales", When = RequirementWhen.PHASE_FINISHED });

        TemplateEdits.DropRequirementsOn(template.Tasks, deletedTaskId: "a", deletedPhaseId: null);

        Assert.Null(template.Tasks[1].Requirements);
        Assert.Equal("sales", Assert.Single(template.Tasks[2].Requirements!).PhaseId);
        TemplateEdits.DropRequirementsOn(template.Tasks, deletedTaskId: null, deletedPhaseId: "sales");
        Assert.Null(template.Tasks[2].Requirements);
    }

    [Fact]
    public void A_new_workflow_is_enabled_and_started_by_hand_and_a_gallery_copy_is_unsaved()
    {
        var blank = TemplateEdits.NewTemplate("opportunity");
        var copy = TemplateEdits.Unsaved(ATemplate().Build());

        Assert.Equal("New workflow", blank.Name);
        Assert.True(blank.Enabled);
        Assert.Equal(TemplateTriggerType.Manual, blank.Trigger!.Type);
        Assert.Equal("opportunity", blank.Trigger.EntitySchema);
        Assert.Null(copy.Id);
        Assert.Null(copy.Revision);
    }
}
