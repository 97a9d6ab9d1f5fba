using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Sidebar;
using Workflows.Tests.Core.Flows;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Sidebar;

/// <summary>The activity lines of a record name people and partners, and leave dates to the page's format.</summary>
public sealed class RecordHistoryItemTests
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["4d90e31c-5f1e-4c41-9a57-0c1d2b3e4f50"] = "Lena Schmidt",
        ["partner-solartech"] = "SolarTech GmbH",
    };

    private static RecordHistoryItem Line(FlowCommand command)
    {
        var run = EngineHarness.Start(ATemplate().WithTask("order", "Order materials").Build());
        var e = run.Ok(command).Events[^1];
        var entry = new HistoryEntry(e.ExecutionId, e.Type.ToString(), e.TaskId, e.PhaseId, e.Actor.UserId, e.Actor.DisplayName, e.At, e.Summary, e.Detail);
        return RecordHistoryItem.From(entry, "Solar installation", id => Names.GetValueOrDefault(id, id));
    }

    [Fact]
    public void An_assignment_names_the_users_and_partners_instead_of_their_ids()
    {
        var line = Line(new Assign(FlowItemRef.Task("order"), [Assignee.Of("4d90e31c-5f1e-4c41-9a57-0c1d2b3e4f50"), Assignee.Of("partner-solartech")]));

        Assert.Equal("Anna assigned 'Order materials' to Lena Schmidt, SolarTech GmbH", line.Summary);
        Assert.Null(line.DueDate);
    }

    [Fact]
    public void A_due_date_change_hands_its_date_to_the_page_instead_of_writing_it_in_iso()
    {
        var line = Line(new SetDueDate(FlowItemRef.Task("order"), FlowDueDate.OnDate(new DateOnly(2026, 12, 2))));

        Assert.Equal("Anna set the due date of 'Order materials' to", line.Summary);
        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2026, 12, 2)), line.DueDate);
    }
}
