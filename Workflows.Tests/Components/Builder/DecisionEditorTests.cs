using Bunit;
using Microsoft.AspNetCore.Components;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Templates;
using Workflows.Web.Components.Builder;

namespace Workflows.Tests.Components.Builder;

/// <summary>The condition editor of a decision: branches, statements over the trigger record, edges to branches, loop.</summary>
public sealed class DecisionEditorTests : BuilderComponentContext
{
    private static readonly EntitySchema Opportunity = new()
    {
        Slug = "opportunity", Name = "Opportunity", Plural = "Opportunities", TitleTemplate = "{{title}}",
        Attributes =
        [
            new() { Name = "amount", Label = "Amount", Type = AttributeType.Number },
            new() { Name = "product", Label = "Product", Type = AttributeType.Select, Options = ["Solar", "Heat pump", "Wallbox"] },
        ],
    };

    private readonly FlowTask decision = new()
    {
        Id = "size",
        Name = "Big system?",
        TaskType = TaskType.DECISION,
        Conditions = [new Condition { Id = "big", BranchName = "Yes", LogicalOperator = LogicalOperator.AND, Statements = [] }],
    };

    private readonly List<FlowEdge> changedEdges = [];
    private int changes;

    [Fact]
    public void A_branch_is_renamed_and_combines_its_statements_with_or()
    {
        var page = RenderEditor();

        Field(page, "Branch name").Change("Big system");
        Choose(page, "Taken when", "any statement holds");

        Assert.Equal("Big system", decision.Conditions![0].BranchName);
        Assert.Equal(LogicalOperator.OR, decision.Conditions[0].LogicalOperator);
        Assert.Equal(2, changes);
    }

    [Fact]
    public void A_statement_tests_an_attribute_of_the_trigger_record_with_an_operator_and_a_value()
    {
        var page = RenderEditor();

        Button(page, "Add statement").Click();
        page.WaitForAssertion(() => Choose(page, "Attribute", "Amount"));
        Choose(page, "Operator", "is at least");
        Field(page, "Value").Change("10");

        var statement = Assert.Single(decision.Conditions![0].Statements!);
        Assert.Equal(("opportunity", "amount", "number"), (statement.Source!.Schema, statement.Source.Attribute, statement.Source.AttributeType));
        Assert.Equal(Operator.GreaterThanOrEquals, statement.Operator);
        Assert.Equal(["10"], statement.Values);
    }

    [Fact]
    public void A_list_operator_on_a_select_attribute_takes_several_of_its_options()
    {
        var page = RenderEditor();

        Button(page, "Add statement").Click();
        page.WaitForAssertion(() => Choose(page, "Attribute", "Product"));
        Choose(page, "Operator", "is any of");
        Choose(page, "Values", "Solar");
        Choose(page, "Values", "Wallbox");

        Assert.Equal(["Solar", "Wallbox"], decision.Conditions![0].Statements![0].Values);
    }

    [Fact]
    public void Branches_are_added_and_removed()
    {
        var page = RenderEditor();

        Button(page, "Add branch").Click();
        page.WaitForAssertion(() => Assert.Equal(2, decision.Conditions!.Count));
        Assert.Equal("Branch 2", decision.Conditions![1].BranchName);

        Button(page, "Remove Yes").Click();
        Assert.Equal("Branch 2", Assert.Single(decision.Conditions).BranchName);
    }

    [Fact]
    public void An_outgoing_edge_is_mapped_to_a_branch_or_to_none_met()
    {
        var page = RenderEditor(new OutgoingEdge(new FlowEdge { Id = "e1", FromId = "size", ToId = "plan" }, "Plan system"));

        Choose(page, "Connection to Plan system", "Yes");
        Choose(page, "Connection to Plan system", "None met (default)");

        Assert.Equal(new FlowEdge { Id = "e1", FromId = "size", ToId = "plan", ConditionId = "big" }, changedEdges[0]);
        Assert.Equal(new FlowEdge { Id = "e1", FromId = "size", ToId = "plan", NoneMet = true }, changedEdges[1]);
    }

    [Fact]
    public void Parallel_branches_can_be_switched_off_and_a_loop_configured()
    {
        decision.Conditions!.Add(new Condition { Id = "again", BranchName = "Again", LogicalOperator = LogicalOperator.AND, Statements = [] });
        var page = RenderEditor();

        Toggle(page, "Take every branch that holds (otherwise only the first)");
        Toggle(page, "Loop: one branch leads back");
        page.WaitForAssertion(() => Field(page, "Maximum iterations").Change("5"));

        Assert.False(decision.AllowParallelExecution);
        Assert.Equal(new LoopConfig { LoopBranchId = "again", ExitBranchId = "big", MaxIterations = 5 }, decision.LoopConfig);
    }

    private IRenderedComponent<ContainerFragment> RenderEditor(params OutgoingEdge[] outgoing) => RenderWithPopovers(builder =>
    {
        builder.OpenComponent<DecisionEditor>(0);
        builder.AddComponentParameter(1, nameof(DecisionEditor.Task), decision);
        builder.AddComponentParameter(2, nameof(DecisionEditor.Schema), Opportunity);
        builder.AddComponentParameter(3, nameof(DecisionEditor.Outgoing), outgoing);
        builder.AddComponentParameter(4, nameof(DecisionEditor.Changed), EventCallback.Factory.Create(this, () => changes++));
        builder.AddComponentParameter(5, nameof(DecisionEditor.EdgeChanged), EventCallback.Factory.Create<FlowEdge>(this, changedEdges.Add));
        builder.CloseComponent();
    });
}
