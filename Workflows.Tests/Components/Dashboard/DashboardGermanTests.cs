using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows;
using Workflows.Core.Localization;
using Workflows.Web.Components.Dashboard;

namespace Workflows.Tests.Components.Dashboard;

/// <summary>The task list's grid, filters and summary in German: their labels come from DashboardText.de.resx.</summary>
public sealed class DashboardGermanTests : MudTestContext
{
    private static readonly TaskListItem Overdue = new()
    {
        ExecutionId = "e-1", TaskId = "check", Name = "Check documents", TaskType = "task", Status = "IN_PROGRESS", IsOpen = true, Enabled = true,
        Overdue = true, WorkflowName = "Onboarding", EntityId = "r-1", EntitySchema = "customers", EntityTitle = "Müller GmbH",
        UpdatedAt = new DateTimeOffset(2026, 12, 2, 15, 35, 0, TimeSpan.Zero),
    };

    public DashboardGermanTests()
    {
        Services.AddSingleton(new FlowSettings());
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public void The_grid_speaks_German_and_keeps_the_tasks_names()
    {
        var grid = Languages.In("de", () => Render<TaskGrid>(p => p
            .Add(g => g.Tasks, new TaskListPage(1234, 0, 25, [Overdue]))
            .Add(g => g.View, new DashboardView())));

        var headers = grid.FindAll(".wf-sort").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Aufgabe", "Workflow", "Datensatz", "Phase", "Status", "Fällig", "Letzte Änderung", "Priorität"], headers);
        Assert.Equal("Sortieren nach Aufgabe", grid.FindAll(".wf-sort")[0].GetAttribute("aria-label"));
        Assert.Equal("1.234 Aufgaben", grid.Find("[data-testid=task-count]").TextContent.Trim());
        Assert.Contains("Zeilen pro Seite", grid.Markup);
        Assert.Contains("Check documents", grid.Markup);
        Assert.Contains("Müller GmbH", grid.Markup);
        foreach (var english in new[] { "Last change", "Rows per page", "Sort by", " tasks" })
        {
            Assert.DoesNotContain(english, grid.Markup);
        }
    }

    [Fact]
    public void An_empty_grid_says_so_in_German()
    {
        var grid = Languages.In("de", () => Render<TaskGrid>(p => p
            .Add(g => g.Tasks, new TaskListPage(0, 0, 25, []))
            .Add(g => g.View, new DashboardView())));

        Assert.Contains("Sie haben keine offenen Aufgaben. Genießen Sie die Ruhe.", grid.Markup);
        Assert.DoesNotContain("You have no open tasks", grid.Markup);
    }

    [Fact]
    public void The_filter_bar_labels_its_filters_and_their_choices_in_German()
    {
        var filters = Languages.In("de", () => Render<TaskFilterBar>(p => p
            .Add(f => f.View, new DashboardView { Due = "overdue" })
            .Add(f => f.MayPickAnyone, true)));

        var labels = filters.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        foreach (var german in new[] { "Zuständig", "Status", "Fällig", "Workflow", "Datensatztyp", "Phase", "Suche", "Priorität" })
        {
            Assert.Contains(german, labels);
        }

        foreach (var english in new[] { "Assignee", "Due", "Record type", "Search", "Priority" })
        {
            Assert.DoesNotContain(english, labels);
        }

        var chosen = filters.FindAll("input").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Ich", chosen);
        Assert.Contains("Überfällig", chosen);
        Assert.Contains("Beliebige Priorität", chosen);
        Assert.Contains("Wiedervorlagen anzeigen", filters.Markup);
        Assert.Contains("Zurücksetzen", filters.Markup);
        Assert.Contains("Datensatzattribut", filters.Markup);
        Assert.DoesNotContain("Show follow-ups", filters.Markup);
        Assert.DoesNotContain("Reset", filters.Markup);
    }

    [Fact]
    public void The_summary_cards_and_charts_are_titled_in_German()
    {
        var summary = Languages.In("de", () => Render<TaskSummary>(p => p
            .Add(s => s.Summary, new DashboardSummary(1500, 1, 0, 2, [("u-lena", 3)], [(new DateOnly(2026, 11, 1), 1)], [(new DateOnly(2026, 11, 23), 2)]))
            .Add(s => s.View, new DashboardView()).Add(s => s.ShowCharts, true)));

        var open = summary.Find("[data-card=open]");
        Assert.Equal("Offen: 1.500", open.GetAttribute("aria-label"));
        Assert.Equal("Heute fällig", summary.Find("[data-card=today] div").TextContent.Trim());
        Assert.Contains("Offene Aufgaben nach Zuständigen", summary.Markup);
        Assert.Contains("Erledigt pro Woche", summary.Markup);
        Assert.DoesNotContain("Completed per week", summary.Markup);
    }
}
