using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Core.Sidebar;
using Workflows.Core;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

/// <summary>A workflow's history is stored once and read in each reader's language; the stored summary stays English.</summary>
public sealed class HistoryLineTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;

    private FlowExecutionService Executions => services.GetRequiredService<FlowExecutionService>();

    public async Task InitializeAsync() => services = await CoreServices.BuildSeededAsync(database);

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task An_assignment_and_a_due_date_read_in_german_and_in_english_from_the_same_stored_events()
    {
        var execution = await StartAsync();
        execution = (await Executions.ApplyAsync(execution.Id, new Assign(FlowItemRef.Task("docs"), [Assignee.Of("max")]), Lena, execution.Version, CancellationToken.None)).Value!;
        await Executions.ApplyAsync(execution.Id, new SetDueDate(FlowItemRef.Task("offer"), FlowDueDate.OnDate(new DateOnly(2026, 12, 2))), Lena, execution.Version, CancellationToken.None);

        var history = await Executions.HistoryAsync(execution.Id, CancellationToken.None);
        var assigned = history.Single(e => e.Type == nameof(FlowEventType.TaskAssigned));
        var due = history.Single(e => e.Type == nameof(FlowEventType.TaskDueDateChanged));
        var reader = new HistoryReader(id => id == "max" ? "Max Mustermann" : id, TimeZoneInfo.Utc);
        string Read(string language, HistoryEntry entry) => Languages.In(language, () => RecordHistoryItem.From(entry, "Solar check", reader).Summary);

        Assert.Equal("Lena Schmidt assigned 'Unterlagen prüfen' to max", assigned.Summary);
        Assert.Equal("Lena Schmidt set the due date of 'Angebot senden' to 2026-12-02", due.Summary);
        Assert.Equal("Lena Schmidt hat „Unterlagen prüfen“ Max Mustermann zugewiesen", Read(Languages.German, assigned));
        Assert.Equal("Lena Schmidt hat die Fälligkeit von „Angebot senden“ auf den 02.12.2026 gesetzt", Read(Languages.German, due));
        Assert.Equal("Lena Schmidt assigned 'Unterlagen prüfen' to Max Mustermann", Read(Languages.English, assigned));
        Assert.Equal("Lena Schmidt set the due date of 'Angebot senden' to 12/2/2026", Read(Languages.English, due));
    }

    [Fact]
    public async Task A_change_made_on_a_stale_version_is_refused_quoting_the_last_change_in_the_readers_language()
    {
        var execution = await StartAsync();
        var mehmet = (await services.GetRequiredService<UserDirectory>().ListPeopleAsync(CancellationToken.None)).Single(p => p.Name == "Mehmet Yılmaz");
        await Executions.ApplyAsync(execution.Id, new Assign(FlowItemRef.Task("docs"), [Assignee.Of(mehmet.Id)]), Lena, execution.Version, CancellationToken.None);

        var refused = await Languages.In(Languages.German, () => Executions.ApplyAsync(
            execution.Id, new SetTaskStatus("docs", StepStatus.COMPLETED), Lena, execution.Version, CancellationToken.None));

        Assert.Equal(RefusalKind.Conflict, refused.Refusal!.Kind);
        Assert.StartsWith("„Solar check“ wurde gerade von Lena Schmidt geändert (Lena Schmidt hat „Unterlagen prüfen“ Mehmet Yılmaz zugewiesen).", refused.Error, StringComparison.Ordinal);
    }

    private async Task<FlowExecution> StartAsync()
    {
        var template = ATemplate("Solar check").WithTask("docs", "Unterlagen prüfen").WithTask("offer", "Angebot senden").Requires("docs").Chain("docs", "offer")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
            })
            .Build();
        var saved = (await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None)).Value!;
        return (await Executions.StartAsync(saved.Id!, [new EntityRef { EntityId = "opportunity-005" }], Lena, CancellationToken.None)).Value!;
    }
}
