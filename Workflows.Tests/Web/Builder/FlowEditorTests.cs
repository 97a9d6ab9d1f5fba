using Blazor.Diagrams.Core.Geometry;
using Workflows.Core.Flows.Templates;
using Workflows.Web.Components.Builder;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Web.Builder;

/// <summary>The edits the canvas offers, on the editor's model without a browser.</summary>
public sealed class FlowEditorTests
{
    [Fact]
    public void A_task_dropped_inside_a_phase_joins_it()
    {
        var editor = new FlowEditor(ATemplate().WithPhase("p1", "Preparation").Build());
        var phase = editor.Phases.Single();

        var node = editor.AddTask(TaskType.MANUAL, phase.Bounds.Center);

        Assert.Equal("p1", editor.Template.Tasks.Single().PhaseId);
        Assert.Same(phase, node.Group);
        Assert.True(editor.IsDirty);
    }

    [Fact]
    public void A_new_decision_starts_with_one_named_branch()
    {
        var editor = new FlowEditor(ATemplate().Build());

        editor.AddTask(TaskType.DECISION, new Point(500, 500));

        var decision = Assert.Single(editor.Template.Tasks);
        Assert.Equal(TaskType.DECISION, decision.TaskType);
        Assert.Equal("Yes", Assert.Single(decision.Conditions!).BranchName);
    }

    [Fact]
    public void Deleting_a_task_removes_its_edges_and_the_requirements_on_it()
    {
        var editor = new FlowEditor(ATemplate().WithTask("a").WithTask("b").Requires("a").Chain("a", "b").Build());

        editor.Select("a");
        editor.DeleteSelection();

        var remaining = Assert.Single(editor.Template.Tasks);
        Assert.Equal("b", remaining.Id);
        Assert.Null(remaining.Requirements);
        Assert.Empty(editor.Template.Edges);
    }

    [Fact]
    public void Deleting_a_phase_keeps_its_tasks_outside_any_phase()
    {
        var editor = new FlowEditor(ATemplate().WithPhase("p1").WithTask("a").InPhase("p1").Build());

        editor.Select("p1");
        editor.DeleteSelection();

        Assert.Empty(editor.Template.Phases!);
        Assert.Null(Assert.Single(editor.Template.Tasks).PhaseId);
    }

    [Fact]
    public void Undo_and_redo_step_through_the_edits()
    {
        var editor = new FlowEditor(ATemplate().WithTask("a").Build());
        editor.AddTask(TaskType.AUTOMATION, new Point(400, 100));

        editor.Undo();
        Assert.Single(editor.Template.Tasks);
        Assert.False(editor.IsDirty);

        editor.Redo();
        Assert.Equal(2, editor.Template.Tasks.Count);
        Assert.True(editor.IsDirty);
    }

    [Fact]
    public void A_task_moved_to_another_phase_from_the_panel_sits_inside_it()
    {
        var editor = new FlowEditor(ATemplate().WithPhase("p1").WithPhase("p2").WithTask("a").InPhase("p1").WithTask("b").InPhase("p2").Build());
        var a = editor.Tasks.Single(n => n.Task.Id == "a");

        editor.MoveToPhase(a, "p2");

        var p2 = editor.Phases.Single(p => p.Phase.Id == "p2");
        Assert.Equal("p2", editor.Template.Tasks.Single(t => t.Id == "a").PhaseId);
        Assert.True(p2.Bounds.ContainsPoint(a.Center));
        Assert.Empty(editor.Phases.Single(p => p.Phase.Id == "p1").Children);
    }

    [Fact]
    public void Renaming_a_branch_relabels_its_edge()
    {
        var editor = new FlowEditor(ATemplate().WithDecision("d", Branch("yes")).WithTask("x").Edge("d", "x", condition: "yes").Build());
        var decision = editor.Tasks.Single(n => n.Task.Id == "d");

        decision.Task.Conditions![0] = decision.Task.Conditions[0] with { BranchName = "Approved" };
        editor.TaskEdited(decision);

        Assert.Equal("Approved", Assert.Single(editor.Outgoing(decision)).Labels.Single().Content);
    }

    [Fact]
    public void The_arrow_keys_move_the_selection_to_the_neighbouring_task_and_ask_it_for_the_focus()
    {
        var editor = new FlowEditor(ATemplate().WithTask("a", "First").WithTask("b", "Second").WithTask("c", "Third").Chain("a", "b", "c").Build());

        var first = editor.SelectNext(CanvasDirection.Right);
        var second = editor.SelectNext(CanvasDirection.Right);
        var back = editor.SelectNext(CanvasDirection.Left);

        Assert.Equal(["a", "b", "a"], new[] { first, second, back }.Select(n => n!.Task.Id));
        Assert.Same(back, editor.SelectedTask);
        Assert.True(back!.WantsFocus);
        Assert.Null(editor.SelectNext(CanvasDirection.Left));
        Assert.Same(back, editor.SelectedTask);
    }

    [Fact]
    public void Connecting_by_name_draws_one_undoable_edge_and_refuses_a_second_one()
    {
        var editor = new FlowEditor(ATemplate().WithTask("a", "First").WithTask("b", "Second").WithTask("c", "Third").Chain("a", "b").Build());
        var a = editor.Tasks.Single(n => n.Task.Id == "a");
        var c = editor.Tasks.Single(n => n.Task.Id == "c");
        Assert.Equal(["c"], editor.ConnectableFrom(a).Select(n => n.Task.Id));

        Assert.Equal("'First' now leads to 'Third'.", editor.Connect(a, c));
        Assert.Contains(editor.Template.Edges, e => e.FromId == "a" && e.ToId == "c");
        Assert.Empty(editor.ConnectableFrom(a));
        Assert.Equal("'First' already leads to 'Third'.", editor.Connect(a, c));
        Assert.Equal(2, editor.Template.Edges.Count);

        editor.Undo();
        Assert.DoesNotContain(editor.Template.Edges, e => e.ToId == "c");
    }

    [Fact]
    public void A_connection_removed_from_the_panel_leaves_the_template()
    {
        var editor = new FlowEditor(ATemplate().WithTask("a", "First").WithTask("b", "Second").Chain("a", "b").Build());
        var edge = Assert.Single(editor.Template.Edges);

        Assert.Equal("'First' no longer leads to 'Second'.", editor.Disconnect(edge.Id));

        Assert.Empty(editor.Template.Edges);
        Assert.Equal("That connection is gone already.", editor.Disconnect(edge.Id));
    }
}
