using Bunit;
using Workflows.Core.Automations;
using Workflows.Core.Entities;
using Workflows.Core.Journeys;
using Workflows.Core.Localization;
using Workflows.Web.Components.Automations;
using Workflows.Web.Components.Journeys;

namespace Workflows.Tests.Components.Journeys;

/// <summary>A journey and an automation run rendered in German: labels, buttons and status words come from the German resources.</summary>
public sealed class JourneyGermanTests : MudTestContext
{
    private static readonly EntitySchema Schema = new()
    {
        Slug = "contact",
        Name = "Contact",
        Plural = "Contacts",
        TitleTemplate = "{{name}}",
        Attributes =
        [
            new() { Name = "name", Label = "Name", Type = AttributeType.Text },
            new() { Name = "roof", Label = "Roof", Type = AttributeType.Number },
        ],
    };

    public JourneyGermanTests()
    {
        Render<MudBlazor.MudPopoverProvider>();
    }

    [Fact]
    public void The_runner_speaks_german_in_a_german_request()
    {
        var journey = new Journey
        {
            Id = "j", Name = "Test journey", Schema = "contact",
            Steps =
            [
                new JourneyStep { Title = "First", Fields = [new JourneyField { Attribute = "name", Kind = JourneyFieldKind.Text, Label = "Name", Required = true }] },
                new JourneyStep { Title = "Second", Fields = [new JourneyField { Attribute = "roof", Kind = JourneyFieldKind.Number, Label = "Roof" }] },
            ],
        };

        var runner = InGerman(() => Render<JourneyRunner>(p => p.Add(r => r.Journey, journey).Add(r => r.Schema, Schema)));

        Assert.Equal("Schritt 1 von 2", runner.Find("[data-testid=step-counter]").TextContent.Trim());
        var buttons = runner.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Zurück", buttons);
        Assert.Contains("Weiter", buttons);
        Assert.Equal("Journey Test journey", runner.Find(".wf-journey").GetAttribute("aria-label"));

        InGerman(() => runner.FindAll("button").Single(b => b.TextContent.Trim() == "Weiter").Click());

        Assert.Equal("Bitte korrigieren Sie das markierte Feld, um fortzufahren.", runner.Find("[data-testid=step-problems]").TextContent.Trim());
    }

    [Fact]
    public void A_run_shows_its_status_and_durations_in_german()
    {
        var started = new DateTimeOffset(2026, 12, 2, 14, 35, 0, TimeSpan.Zero);
        var run = new AutomationRun
        {
            Id = "r1", AutomationId = "a1", AutomationName = "Welcome mail", Status = AutomationRunStatus.Failed, TriggerSummary = "Manual",
            CreatedAt = started, StartedAt = started, FinishedAt = started.AddMilliseconds(1500), Attempts = 2,
            Actions = [new ActionLog { ActionId = "x", Label = "Send e-mail", Status = ActionStatus.Failed, DurationMs = 1500 }],
        };

        var item = InGerman(() => Render<AutomationRunItem>(p => p.Add(r => r.Run, run).Add(r => r.OnRerun, (AutomationRun _) => { })));

        Assert.Equal("Fehlgeschlagen", item.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Contains("1,5 s", item.Markup);
        Assert.Contains("Versuch 2", item.Markup);
        Assert.Equal("Erneut ausführen", item.Find("button").TextContent.Trim());
        Assert.Equal("Ausführung von Welcome mail", item.Find("[data-run]").GetAttribute("aria-label"));
        Assert.Equal("Aktionsprotokoll", item.Find("ul").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_field_of_the_wrong_kind_is_refused_naming_the_kind_in_german()
    {
        var journey = new Journey
        {
            Id = "j", Name = "Test journey", Schema = "contact",
            Steps = [new JourneyStep { Title = "First", Fields = [new JourneyField { Attribute = "roof", Kind = JourneyFieldKind.Multiline, Label = "Roof" }] }],
        };

        var problems = InGerman(() => JourneyRules.Check(journey, Schema));

        Assert.Contains(problems, p => p.EndsWith("Nach Roof lässt sich nicht als Mehrzeiliger Text fragen.", StringComparison.Ordinal));
        Assert.Equal("Multiline text", Languages.In(Languages.English, () => JourneyFieldKinds.Label(JourneyFieldKind.Multiline)));
    }

    private static T InGerman<T>(Func<T> render) => Languages.In(Languages.German, render);

    private static void InGerman(Action work) => InGerman(() =>
    {
        work();
        return 0;
    });
}
