using Bunit;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Tests.Core.Flows;
using Workflows.Web.Components.Entities.Sidebar;
using Workflows.Web.Components.Tasks;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Components.Sidebar;

/// <summary>The sidebar's workflow cards and task rows in German: words from TaskText.de.resx, dates in German format.</summary>
public sealed class SidebarGermanTests : MudTestContext
{
    public SidebarGermanTests()
    {
        AddAuthorization().SetAuthorized("caseworker@workflows.demo");
    }

    private static readonly AssigneeNames Names = new([new Person("u-anna", "Anna", "anna@workflows.demo", null)], []);

    private static T InGerman<T>(Func<T> work) => Languages.In(Languages.German, work);

    [Fact]
    public void A_workflow_card_reads_in_german()
    {
        var run = EngineHarness.Start(ATemplate()
            .WithTask("docs", "Check documents")
            .WithTask("offer", "Send offer").Requires("docs")
            .WithTask("visit", "Site visit").Requires("offer")
            .Chain("docs", "offer").Chain("offer", "visit")
            .Build());
        run.Do(new SetTaskStatus("docs", StepStatus.COMPLETED));
        run.Do(new SetTaskStatus("offer", StepStatus.IN_PROGRESS));

        var card = InGerman(() => Render<ExecutionCard>(p => p
            .Add(c => c.Execution, run.Execution)
            .Add(c => c.Names, Names)
            .Add(c => c.Now, run.Time.GetUtcNow())));

        Assert.Equal("Erledigt von Anna am 10.03.2025, 09:00", card.Find("[data-task=docs] [data-testid=finished]").TextContent);
        Assert.Contains("In Bearbeitung", card.Find("[data-task=offer]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Wartet auf: Send offer", card.Find("[data-task=visit] [data-testid=waits-for]").TextContent);
        Assert.Contains("Läuft", card.Find(".mud-chip").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 von 3 erledigt", card.Markup, StringComparison.Ordinal);
        Assert.NotNull(card.Find("button[aria-label='Aktionen für Check documents']"));
        Assert.Contains("Mehrere Aufgaben zuweisen", card.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Done by", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_summaries_and_messages_have_german_words()
    {
        BulkItemResult[] mixed = [new("x", "a", "A", true, null), new("x", "b", "B", false, "'B' waits for: A")];

        Assert.Equal("Übersprungen", InGerman(() => TaskPresentation.StatusLabel(StepStatus.SKIPPED)));
        Assert.Equal("Abgeschlossen", InGerman(() => TaskPresentation.WorkflowStatusLabel(WorkflowStatus.CLOSED)));
        Assert.Equal("Hoch (60)", InGerman(() => TaskPriority.Label(60)));
        Assert.Equal("Wiedervorlage am 12.12.2026", InGerman(() => TaskPresentation.FollowUpLabel(new DateOnly(2026, 12, 12))));
        Assert.Equal("„Send offer“ ist erledigt.", InGerman(() => TaskPresentation.SuccessText(new SetTaskStatus("offer", StepStatus.COMPLETED), "Send offer")));
        Assert.Equal("1 von 2 Aufgaben aktualisiert; 1 abgelehnt.", InGerman(() => BulkResultDialog.Summary(mixed)));
        Assert.Equal("High (60)", TaskPriority.Label(60));
    }
}
