using System.Text.Json.Nodes;
using System.Text.Json;
using Blazor.Diagrams;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Web.Components.Builder;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Web.Builder;

/// <summary>The canvas is a view: a template drawn and read back is the same template, plus where its items sit.</summary>
public sealed class FlowDiagramMapperTests
{
    /// <summary>Every kind of task and setting, with properties this product does not model at each level.</summary>
    internal const string RichTemplate = """
    {
      "id": "flow-1", "name": "Solar installation", "description": "From offer to grid connection",
      "trigger": { "type": "manual", "entity_schema": "opportunity", "x_trigger": 1 },
      "enabled": true, "revision": 4, "version": "v3",
      "due_date_config": { "duration": 30, "unit": "days", "type": "WORKFLOW_STARTED" },
      "assigned_to": [ "u1", { "variable": "{{entity.owner}}" } ],
      "phases": [ { "id": "p1", "name": "Preparation", "assigned_to": ["u2"], "x_phase": { "deep": [1, 2] } },
                  { "id": "p2", "name": "Installation" } ],
      "tasks": [
        { "id": "check", "name": "Check documents", "task_type": "MANUAL", "phase_id": "p1",
          "description": { "enabled": true, "value": "Look at **everything**" },
          "journey": { "journeyId": "journey-9", "complete_task_automatically": false },
          "due_date": "2021-04-27", "ecp": { "enabled": true, "label": "Documents" } },
        { "id": "mail", "name": "Send welcome mail", "task_type": "AUTOMATION", "phase_id": "p1",
          "automation_config": { "flow_id": "auto-1" }, "trigger_mode": "automatic",
          "schedule": { "mode": "delayed", "duration": 2, "unit": "hours" },
          "requirements": [ { "task_id": "check", "when": "TASK_FINISHED", "x_req": true } ],
          "due_date_config": { "duration": 4, "unit": "hours", "type": "TASK_FINISHED", "task_id": "check" } },
        { "id": "size", "name": "Big system?", "task_type": "DECISION", "phase_id": "p2",
          "conditions": [
            { "id": "big", "branch_name": "Big", "logical_operator": "AND", "statements": [
              { "id": "s1", "source": { "origin": "trigger", "schema": "opportunity", "attribute": "kwp", "attribute_type": "number" },
                "operator": "greater_than_or_equals", "values": ["10"], "x_statement": "kept" } ] },
            { "id": "again", "branch_name": "Again", "logical_operator": "OR", "statements": [] } ],
          "loop_config": { "loop_branch_id": "again", "exit_branch_id": "big", "max_iterations": 3 },
          "allow_parallel_execution": false },
        { "id": "install", "name": "Install", "task_type": "MANUAL", "phase_id": "p2",
          "requirements": [ { "phase_id": "p1", "when": "PHASE_FINISHED" } ], "x_task": "unknown" },
        { "id": "ghost", "name": "In a phase that is gone", "task_type": "MANUAL", "phase_id": "p9" }
      ],
      "edges": [
        { "id": "e1", "from_id": "check", "to_id": "mail" },
        { "id": "e2", "from_id": "mail", "to_id": "size", "x_edge": 7 },
        { "id": "e3", "from_id": "size", "to_id": "install", "condition_id": "big" },
        { "id": "e4", "from_id": "size", "to_id": "check", "condition_id": "again" },
        { "id": "e5", "from_id": "size", "to_id": "install", "none_met": true },
        { "id": "e6", "from_id": "install", "to_id": "nowhere" }
      ],
      "closing_reasons": [ { "id": "cr-1", "title": "Lost" } ],
      "singleClosingReasonSelection": true,
      "entity_sync": [ { "trigger": { "event": "FlowStarted" }, "target": { "entitySchema": "opportunity", "entityAttribute": "title" },
                         "value": { "source": "workflow_name" } } ],
      "linear": true,
      "_manifest": ["m-1"]
    }
    """;

    [Fact]
    public void A_template_drawn_and_read_back_keeps_every_property_including_unknown_ones()
    {
        var template = Parse(RichTemplate);
        var diagram = new BlazorDiagram();

        var hidden = FlowDiagramMapper.Load(diagram, template);
        var read = FlowDiagramMapper.Read(diagram, template, hidden);

        var expected = JsonNode.Parse(RichTemplate)!;
        var actual = WithoutPlacement(JsonSerializer.SerializeToNode(read, FlowJson.Options)!);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected\n{expected}\nbut read\n{actual}");
    }

    [Fact]
    public void Tasks_become_nodes_inside_their_phase_and_edges_become_links_with_branch_labels()
    {
        var diagram = new BlazorDiagram();

        FlowDiagramMapper.Load(diagram, Parse(RichTemplate));

        var preparation = diagram.Groups.OfType<PhaseGroup>().Single(g => g.Phase.Id == "p1");
        Assert.Equal(["check", "mail"], preparation.Children.OfType<TaskNode>().Select(n => n.Task.Id));
        Assert.All(preparation.Children, child => Assert.True(preparation.Bounds.ContainsPoint(((TaskNode)child).Center)));
        var labels = diagram.Links.OfType<EdgeLink>().ToDictionary(l => l.Edge!.Id, l => l.Labels.SingleOrDefault()?.Content);
        Assert.Equal("Big", labels["e3"]);
        Assert.Equal("Again", labels["e4"]);
        Assert.Equal("None met", labels["e5"]);
        Assert.Null(labels["e1"]);
        Assert.DoesNotContain("e6", labels.Keys);
    }

    [Fact]
    public void Positions_are_stored_in_the_template_and_survive_a_reload()
    {
        var diagram = new BlazorDiagram();
        var template = Parse(RichTemplate);
        var hidden = FlowDiagramMapper.Load(diagram, template);
        var install = diagram.Nodes.OfType<TaskNode>().Single(n => n.Task.Id == "install");
        install.SetPosition(777, 333);

        var saved = FlowDiagramMapper.Read(diagram, template, hidden);
        var reloaded = new BlazorDiagram();
        FlowDiagramMapper.Load(reloaded, Parse(JsonSerializer.Serialize(saved, FlowJson.Options)));

        Assert.Equal((777d, 333d), CanvasPlacement.GetPosition(saved.Tasks.Single(t => t.Id == "install").ExtensionData));
        var again = reloaded.Nodes.OfType<TaskNode>().Single(n => n.Task.Id == "install");
        Assert.Equal((777d, 333d), (again.Position.X, again.Position.Y));
    }

    [Fact]
    public void Without_positions_the_layout_runs_left_to_right_along_the_edges()
    {
        var template = ATemplate().WithTask("a").WithTask("b").WithTask("c").WithTask("d").Chain("a", "b", "c").Edge("a", "d").Build();
        var diagram = new BlazorDiagram();

        FlowDiagramMapper.Load(diagram, template);

        var x = diagram.Nodes.OfType<TaskNode>().ToDictionary(n => n.Task.Id, n => n.Position.X);
        Assert.True(x["a"] < x["b"] && x["b"] < x["c"]);
        Assert.Equal(x["b"], x["d"]);
        var b = diagram.Nodes.OfType<TaskNode>().Single(n => n.Task.Id == "b");
        var d = diagram.Nodes.OfType<TaskNode>().Single(n => n.Task.Id == "d");
        Assert.NotEqual(b.Position.Y, d.Position.Y);
    }

    [Fact]
    public void The_layout_ignores_a_loop_back_edge_and_puts_phases_that_follow_each_other_side_by_side()
    {
        var template = ATemplate()
            .WithPhase("p1").WithPhase("p2")
            .WithTask("a").InPhase("p1").WithTask("b").InPhase("p1").WithTask("c").InPhase("p2")
            .Chain("a", "b", "c").Edge("c", "a")
            .Build();

        var layout = FlowLayout.Arrange(template);

        Assert.True(layout.Tasks["a"].X < layout.Tasks["b"].X && layout.Tasks["b"].X < layout.Tasks["c"].X);
        Assert.Equal(layout.Tasks["a"].Y, layout.Tasks["c"].Y);
    }

    [Fact]
    public void A_decisions_branches_leave_room_for_their_labels_between_the_ports()
    {
        var template = ATemplate()
            .WithPhase("p1").WithPhase("p2")
            .WithTask("check").InPhase("p1").WithTask("large").InPhase("p2").WithTask("small").InPhase("p2")
            .Edge("check", "large").Edge("check", "small")
            .Build();

        var layout = FlowLayout.Arrange(template);

        // "Keine erfüllt" at the label's 0.75rem is about 90 px wide; the ports take 10 px on each side.
        var gap = layout.Tasks["large"].X - (layout.Tasks["check"].X + TaskNode.Width);
        Assert.True(gap >= 120, $"only {gap} px between a task and the next column");
    }

    [Fact]
    public void Phases_that_run_alongside_each_other_are_stacked_so_their_frames_do_not_overlap()
    {
        var template = ATemplate()
            .WithPhase("p1").WithPhase("p2")
            .WithTask("start").WithTask("a").InPhase("p1").WithTask("b").InPhase("p2")
            .Edge("start", "a").Edge("start", "b")
            .Build();
        var diagram = new BlazorDiagram();

        FlowDiagramMapper.Load(diagram, template);

        var frames = diagram.Groups.OfType<PhaseGroup>().Select(g => g.Bounds).ToList();
        Assert.False(frames[0].Intersects(frames[1]));
    }

    private static FlowTemplate Parse(string json) => JsonSerializer.Deserialize<FlowTemplate>(json, FlowJson.Options)!;

    private static JsonNode WithoutPlacement(JsonNode template)
    {
        foreach (var list in new[] { "tasks", "phases" })
        {
            foreach (var item in template[list]!.AsArray())
            {
                item!.AsObject().Remove(CanvasPlacement.PositionKey);
                item.AsObject().Remove(CanvasPlacement.SizeKey);
            }
        }

        return template;
    }
}
