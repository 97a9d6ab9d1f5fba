using System.Text.Json;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

public sealed class TemplateDiffTests
{
    private static FlowTemplate Original() => ATemplate("Solar installation")
        .WithPhase("sales", "Sales").WithPhase("build", "Installation")
        .WithTask("offer", "Send offer").InPhase("sales")
        .WithDecision("size", Branch("large", When("amount", Operator.GreaterThan, "10000")), Branch("small", When("amount", Operator.LessThanOrEquals, "10000")))
        .InPhase("sales")
        .WithTask("install", "Install system").InPhase("build").Requires("offer")
        .WithTask("visit", "Site visit").InPhase("build")
        .Edge("offer", "size").Edge("size", "install", "large").Edge("size", "visit", "small")
        .With(t => t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" })
        .Build();

    private static FlowTemplate Copy(FlowTemplate template) =>
        JsonSerializer.Deserialize<FlowTemplate>(JsonSerializer.Serialize(template, FlowJson.Options), FlowJson.Options)!;

    private static IEnumerable<string> Descriptions(IReadOnlyList<TemplateChange> changes) => changes.Select(c => c.Description);

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        Assert.Empty(TemplateDiff.Compare(Original(), Copy(Original())));
    }

    [Fact]
    public void Moving_items_on_the_canvas_and_redrawing_a_connection_are_no_changes()
    {
        var after = Copy(Original());
        using var position = JsonDocument.Parse("""{"x": 500, "y": 80}""");
        after.Tasks[0].ExtensionData = new() { ["ui_position"] = position.RootElement.Clone() };
        after.Edges[0] = after.Edges[0] with { Id = "redrawn" };

        Assert.Empty(TemplateDiff.Compare(Original(), after));
    }

    [Fact]
    public void Added_removed_and_renamed_tasks_are_listed_by_name()
    {
        var after = Copy(Original());
        after.Tasks.RemoveAll(t => t.Id == "visit");
        after.Edges.RemoveAll(e => e.ToId == "visit");
        after.Tasks.Single(t => t.Id == "install").Name = "Install PV system";
        after.Tasks.Add(new FlowTask { Id = "grid", Name = "Register with grid operator", PhaseId = "build" });

        var changes = TemplateDiff.Compare(Original(), after);

        Assert.Contains(new TemplateChange(TemplateChangeArea.Task, TemplateChangeKind.Renamed, "Task 'Install system' renamed to 'Install PV system'"), changes);
        Assert.Contains(new TemplateChange(TemplateChangeArea.Task, TemplateChangeKind.Added, "Task 'Register with grid operator' added to phase 'Installation'"), changes);
        Assert.Contains(new TemplateChange(TemplateChangeArea.Task, TemplateChangeKind.Removed, "Task 'Site visit' removed"), changes);
        Assert.Contains(new TemplateChange(TemplateChangeArea.Connection, TemplateChangeKind.Removed, "Connection 'size' → 'Site visit' removed"), changes);
    }

    [Fact]
    public void A_changed_task_names_what_changed_about_it()
    {
        var after = Copy(Original());
        var install = after.Tasks.Single(t => t.Id == "install");
        install.Requirements = null;
        install.DueDateConfig = new DueDateConfig { Duration = 3, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED };
        install.PhaseId = "sales";

        var change = Assert.Single(TemplateDiff.Compare(Original(), after));

        Assert.Equal(TemplateChangeKind.Changed, change.Kind);
        Assert.Equal("Task 'Install system': moved from phase 'Installation' to phase 'Sales', due date, requirements", change.Description);
    }

    [Fact]
    public void Phases_added_removed_and_renamed_are_listed()
    {
        var after = Copy(Original());
        after.Phases!.Single(p => p.Id == "sales").Name = "Sales and offer";
        after.Phases!.RemoveAll(p => p.Id == "build");
        after.Phases!.Add(new FlowPhase { Id = "grid", Name = "Grid registration" });
        foreach (var task in after.Tasks.Where(t => t.PhaseId == "build"))
        {
            task.PhaseId = "grid";
        }

        var changes = Descriptions(TemplateDiff.Compare(Original(), after)).ToList();

        Assert.Contains("Phase 'Sales' renamed to 'Sales and offer'", changes);
        Assert.Contains("Phase 'Grid registration' added", changes);
        Assert.Contains("Phase 'Installation' removed", changes);
        Assert.Contains("Task 'Install system': moved from phase 'Installation' to phase 'Grid registration'", changes);
    }

    [Fact]
    public void Connections_are_matched_by_their_ends_and_report_a_new_branch()
    {
        var after = Copy(Original());
        after.Edges[2] = after.Edges[2] with { ConditionId = null, NoneMet = true };
        after.Edges.Add(new FlowEdge { Id = "e9", FromId = "install", ToId = "visit" });

        var changes = Descriptions(TemplateDiff.Compare(Original(), after)).ToList();

        Assert.Equal(
            [
                "Connection 'size' → 'Site visit' now follows branch 'none met' instead of branch 'small'",
                "Connection 'Install system' → 'Site visit' added",
            ],
            changes);
    }

    [Fact]
    public void Settings_changes_name_the_setting()
    {
        var after = Copy(Original());
        after.Name = "Solar installation (new)";
        after.Enabled = false;
        after.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" };
        after.Linear = true;
        after.ClosingReasons = [new ClosingReasonRef { Id = "cancelled" }];

        var changes = TemplateDiff.Compare(Original(), after);

        Assert.All(changes, c => Assert.Equal(TemplateChangeArea.Settings, c.Area));
        Assert.Equal(
            [
                "Workflow renamed from 'Solar installation' to 'Solar installation (new)'",
                "Workflow disabled",
                "Trigger changed from manually on opportunity to manually on contact",
                "Workflow settings changed: sequential mode, closing reasons",
            ],
            Descriptions(changes));
    }
}
