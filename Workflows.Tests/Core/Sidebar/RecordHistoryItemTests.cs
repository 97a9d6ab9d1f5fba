using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;
using Workflows.Core.Sidebar;
using Workflows.Tests.Core.Flows;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Sidebar;

/// <summary>The activity lines of a record name people and partners, and write dates in the reader's language and format.</summary>
public sealed class RecordHistoryItemTests
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["4d90e31c-5f1e-4c41-9a57-0c1d2b3e4f50"] = "Lena Schmidt",
        ["partner-solartech"] = "SolarTech GmbH",
    };

    private static readonly HistoryReader Reader = new(id => Names.GetValueOrDefault(id, id), TimeZoneInfo.Utc);

    private static HistoryEntry Entry(FlowCommand command, bool withLine = true)
    {
        var run = EngineHarness.Start(ATemplate().WithTask("order", "Order materials").Build());
        var e = run.Ok(command).Events[0];
        return new HistoryEntry(e.ExecutionId, e.Type.ToString(), e.TaskId, e.PhaseId, e.Actor.UserId, e.Actor.DisplayName, e.At, e.Summary, e.Detail,
            withLine ? e.Line : null);
    }

    private static string Read(string language, HistoryEntry entry) =>
        Languages.In(language, () => RecordHistoryItem.From(entry, "Solar installation", Reader).Summary);

    private static readonly Assign ToLenaAndSolarTech =
        new(FlowItemRef.Task("order"), [Assignee.Of("4d90e31c-5f1e-4c41-9a57-0c1d2b3e4f50"), Assignee.Of("partner-solartech")]);

    private static readonly SetDueDate OnSecondOfDecember = new(FlowItemRef.Task("order"), FlowDueDate.OnDate(new DateOnly(2026, 12, 2)));

    [Fact]
    public void An_assignment_names_the_users_and_partners_instead_of_their_ids()
    {
        var entry = Entry(ToLenaAndSolarTech);

        Assert.Equal("Anna assigned 'Order materials' to 4d90e31c-5f1e-4c41-9a57-0c1d2b3e4f50, partner-solartech", entry.Summary);
        Assert.Equal("Anna assigned 'Order materials' to Lena Schmidt, SolarTech GmbH", Read(Languages.English, entry));
        Assert.Equal("Anna hat „Order materials“ Lena Schmidt, SolarTech GmbH zugewiesen", Read(Languages.German, entry));
    }

    [Fact]
    public void A_due_date_change_writes_its_date_in_the_readers_format_inside_the_sentence()
    {
        var entry = Entry(OnSecondOfDecember);

        Assert.Equal("Anna set the due date of 'Order materials' to 2026-12-02", entry.Summary);
        Assert.Equal("Anna set the due date of 'Order materials' to 12/2/2026", Read(Languages.English, entry));
        Assert.Equal("Anna hat die Fälligkeit von „Order materials“ auf den 02.12.2026 gesetzt", Read(Languages.German, entry));
    }

    [Fact]
    public void A_due_rule_is_worded_in_the_readers_language()
    {
        var entry = Entry(new SetDueDate(FlowItemRef.Task("order"), null, new DueDateConfig { Type = DueDateType.WORKFLOW_STARTED, Duration = 3, Unit = TimeUnit.Days }));

        Assert.Equal("Anna set the due date of 'Order materials' to 3 days after the workflow started", entry.Summary);
        Assert.Equal(entry.Summary, Read(Languages.English, entry));
        Assert.Equal("Anna hat die Fälligkeit von „Order materials“ auf 3 Tage nach dem Start des Workflows gesetzt", Read(Languages.German, entry));
    }

    [Fact]
    public void An_event_stored_before_lines_were_kept_names_its_assignees_and_formats_its_date_as_before()
    {
        Assert.Equal("Anna assigned 'Order materials' to Lena Schmidt, SolarTech GmbH", Read(Languages.German, Entry(ToLenaAndSolarTech, withLine: false)));
        Assert.Equal("Anna set the due date of 'Order materials' to 02.12.2026", Read(Languages.German, Entry(OnSecondOfDecember, withLine: false)));
    }
}
