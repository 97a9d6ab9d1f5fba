using Workflows.Core.Flows.Engine;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>The order of a workflow's task list: by the graph, phases kept together.</summary>
public sealed class TaskOutlineTests
{
    private static string[] Outline(TemplateBuilder template) =>
        [.. TaskOutline.Of(EngineHarness.Start(template.Build()).Execution)
            .Select(s => $"{s.Phase?.Id ?? "-"}: {string.Join(" ", s.Tasks.Select(t => t.Id))}")];

    [Fact]
    public void A_workflow_that_starts_in_a_phase_lists_that_phase_before_the_loose_tasks_that_follow()
    {
        var template = ATemplate()
            .WithPhase("prep")
            .WithTask("report").WithTask("invoice")
            .WithTask("check").InPhase("prep").WithTask("order").InPhase("prep")
            .Chain("check", "order", "report", "invoice");

        Assert.Equal(["prep: check order", "-: report invoice"], Outline(template));
    }

    [Fact]
    public void Loose_tasks_stand_between_phases_where_the_graph_puts_them()
    {
        var template = ATemplate()
            .WithPhase("build").WithPhase("prep")
            .WithTask("install").InPhase("build").WithTask("approve")
            .WithTask("check").InPhase("prep").WithTask("order").InPhase("prep").WithTask("welcome")
            .Chain("welcome", "check", "order", "approve", "install");

        Assert.Equal(["-: welcome", "prep: check order", "-: approve", "build: install"], Outline(template));
    }

    [Fact]
    public void A_phase_stays_together_even_when_a_parallel_loose_task_lies_between_its_tasks_in_the_graph()
    {
        var template = ATemplate()
            .WithPhase("prep")
            .WithTask("start").WithTask("a").InPhase("prep").WithTask("side").WithTask("b").InPhase("prep")
            .Edge("start", "a").Edge("start", "side").Edge("a", "b");

        Assert.Equal(["-: start", "prep: a b", "-: side"], Outline(template));
    }

    [Fact]
    public void A_loop_does_not_change_the_order_and_a_phase_without_tasks_comes_last()
    {
        var template = ATemplate()
            .WithPhase("empty")
            .WithTask("redo").WithTask("first").WithDecision("ok?", Branch("again"), Branch("done"))
            .Chain("first", "redo", "ok?").Edge("ok?", "redo", condition: "again");

        Assert.Equal(["-: first redo ok?", "empty: "], Outline(template));
    }
}
