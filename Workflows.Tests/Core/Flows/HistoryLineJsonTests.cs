using System.Text.Json;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Tests.Core.Flows;

/// <summary>A history line reads the same after it was stored as JSON, whatever its arguments are.</summary>
public sealed class HistoryLineJsonTests
{
    private static readonly HistoryReader Reader = new(id => id == "max" ? "Max Mustermann" : id, TimeZoneInfo.Utc);

    private static readonly HistoryLine[] Samples =
    [
        new HistoryLine("TaskDueDateSetRule", "Lena", "Send offer", HistoryArg.Of(new PendingDueRule(1, TimeUnit.Weeks, DueDateType.TASK_FINISHED, "Check documents"))),
        new HistoryLine("TaskDueOn", "Send offer", HistoryArg.On(FlowDueDate.At(new DateTimeOffset(2026, 12, 2, 15, 35, 0, TimeSpan.Zero)))),
        new HistoryLine("PhaseAssigned", "Lena", "Preparation", HistoryArg.Assignees(["max", "partner-solartech"])),
        new HistoryLine("DecisionTook", "Credit check", HistoryArg.Names(["Approved", "Manual review"])),
        new HistoryLine("FlowClosedFor", "Lena", "Solar check", HistoryArg.List(["Customer withdrew", "Too expensive"])),
        new HistoryLine("TaskPrioritySet", "Lena", "Send offer", HistoryArg.Rated(60)),
        new HistoryLine("LoopBackToRepeat", "Check documents", HistoryArg.Count(2), HistoryArg.Count(3)),
    ];

    public static TheoryData<string> Lines() => [.. Samples.Select(Json)];

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_stored_line_reads_as_before_in_both_languages(string json)
    {
        var line = JsonSerializer.Deserialize<HistoryLine>(json, FlowJson.Options)!;
        var again = JsonSerializer.Deserialize<HistoryLine>(Json(line), FlowJson.Options)!;

        Assert.Equal(line.English(), again.English());
        foreach (var language in Languages.All)
        {
            Assert.Equal(Languages.In(language, () => line.Read(Reader)), Languages.In(language, () => again.Read(Reader)));
        }
    }

    [Fact]
    public void Each_kind_of_argument_reads_in_the_readers_language()
    {
        string German(string json) => Languages.In(Languages.German, () => JsonSerializer.Deserialize<HistoryLine>(json, FlowJson.Options)!.Read(Reader));
        var lines = Samples.Select(Json).ToList();

        Assert.Equal("Lena hat die Fälligkeit von „Send offer“ auf 1 Woche nach Abschluss von „Check documents“ gesetzt", German(lines[0]));
        Assert.Equal("„Send offer“ ist fällig am 02.12.2026, 15:35", German(lines[1]));
        Assert.Equal("Lena hat Phase „Preparation“ Max Mustermann, partner-solartech zugewiesen", German(lines[2]));
        Assert.Equal("Entscheidung „Credit check“ hat „Approved“, „Manual review“ gewählt", German(lines[3]));
        Assert.Equal("Lena hat „Solar check“ geschlossen: Customer withdrew, Too expensive", German(lines[4]));
        Assert.Equal("Lena hat die Priorität von „Send offer“ auf Hoch (60) gesetzt", German(lines[5]));
        Assert.Equal("Zurück zu „Check documents“ (Wiederholung 2 von 3)", German(lines[6]));
        Assert.Equal("Lena set the priority of 'Send offer' to High (60)", JsonSerializer.Deserialize<HistoryLine>(lines[5], FlowJson.Options)!.English());
    }

    private static string Json(HistoryLine line) => JsonSerializer.Serialize(line, FlowJson.Options);
}
