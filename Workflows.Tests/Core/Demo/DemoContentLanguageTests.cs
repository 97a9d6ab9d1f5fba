using Workflows.Core.Demo;
using Workflows.Core.Flows.Gallery;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Tests.Core.Demo;

/// <summary>
/// The demo catalogue and the gallery speak the language they are built in: German words in German, and every name,
/// label and text a person reads translated, while ids, attribute names and option values stay the same.
/// </summary>
public sealed class DemoContentLanguageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Words German writes as English does.</summary>
    private static readonly HashSet<string> SameInGerman = ["IBAN", "Newsletter", "Status", "Installation"];

    [Fact]
    public void In_German_the_schemas_gallery_and_closing_reasons_read_in_German()
    {
        var (contact, meterChange, reasons) = Languages.In(Languages.German, () => (
            DemoCatalogue.Schemas(Now).Single(s => s.Slug == "contact"),
            TemplateGallery.All.Single(e => e.Key == "meter-change"),
            DemoCatalogue.ClosingReasons));
        var template = Languages.In(Languages.German, meterChange.Create);
        var checkOrder = template.Tasks.Single(t => t.Id == "meter-check-order");

        Assert.Equal(("Kontakt", "Kontakte"), (contact.Name, contact.Plural));
        Assert.Equal("Kundenart", contact.Attributes.Single(a => a.Name == "customer_type").Label);
        Assert.Equal(["private", "business"], contact.Attributes.Single(a => a.Name == "customer_type").Options!.Select(o => o.Value));
        Assert.Equal(["Privatkunde", "Geschäftskunde"], contact.Attributes.Single(a => a.Name == "customer_type").Options!.Select(o => o.Text));
        Assert.Equal(("Zählerwechsel", "Messwesen"), (meterChange.Name, meterChange.Category));
        Assert.Equal("Zählerwechsel", template.Name);
        Assert.Equal("Auftrag und Zählerdaten prüfen", checkOrder.Name);
        Assert.StartsWith("Auftrag mit den Zählerstammdaten abgleichen:\n- Zählernummer", checkOrder.Description!.Value, StringComparison.Ordinal);
        Assert.Equal("Bonitätsprüfung negativ", reasons.Single(r => r.Id == "cr-credit-check").Title);
    }

    [Fact]
    public void The_gallery_follows_the_language_of_whoever_reads_it()
    {
        var english = Languages.In(Languages.English, () => TemplateGallery.All.Select(e => e.Name).ToList());
        var german = Languages.In(Languages.German, () => TemplateGallery.All.Select(e => e.Name).ToList());

        Assert.Equal(["Solar installation", "Meter change", "Customer move-in", "Customer onboarding", "Complaint handling"], english);
        Assert.Equal(["PV-Installation", "Zählerwechsel", "Einzug", "Kunden-Onboarding", "Beschwerdebearbeitung"], german);
    }

    [Fact]
    public void No_name_label_or_text_of_the_German_content_is_left_in_English()
    {
        var english = Languages.In(Languages.English, Texts);
        var german = Languages.In(Languages.German, Texts);

        Assert.Equal(english.Select(t => t.Where), german.Select(t => t.Where));
        var leftovers = english.Zip(german)
            .Where(pair => pair.First.Text == pair.Second.Text && !SameInGerman.Contains(pair.First.Text))
            .Select(pair => $"{pair.First.Where}: {pair.First.Text}");
        Assert.Empty(leftovers);
    }

    /// <summary>Every text of the demo content and the gallery that a person reads, each with where it is.</summary>
    private static List<(string Where, string Text)> Texts()
    {
        var texts = new List<(string Where, string? Text)>();
        foreach (var schema in DemoCatalogue.Schemas(Now))
        {
            texts.Add(($"schema {schema.Slug}", schema.Name));
            texts.Add(($"schema {schema.Slug} plural", schema.Plural));
            texts.AddRange(schema.Attributes.Select(a => ($"schema {schema.Slug}.{a.Name}", (string?)a.Label)));
        }

        texts.AddRange(DemoCatalogue.ClosingReasons.Select(r => ($"closing reason {r.Id}", (string?)r.Title)));
        foreach (var journey in DemoJourneys.All())
        {
            texts.Add(($"journey {journey.Id}", journey.Name));
            texts.Add(($"journey {journey.Id} description", journey.Description));
            foreach (var step in journey.Steps)
            {
                texts.Add(($"journey {journey.Id}/{step.Id}", step.Title));
                texts.Add(($"journey {journey.Id}/{step.Id} description", step.Description));
                foreach (var field in step.Fields)
                {
                    texts.Add(($"journey {journey.Id}/{step.Id}/{field.Attribute}", field.Label));
                    texts.Add(($"journey {journey.Id}/{step.Id}/{field.Attribute} help", field.HelpText));
                    texts.Add(($"journey {journey.Id}/{step.Id}/{field.Attribute} message", field.PatternMessage));
                }
            }
        }

        foreach (var automation in DemoAutomations.All(new Actor("u-builder", "Jonas Becker"), Now))
        {
            texts.Add(($"automation {automation.Id}", automation.Name));
            texts.Add(($"automation {automation.Id} description", automation.Description));
            foreach (var action in automation.Actions)
            {
                texts.Add(($"automation {automation.Id}/{action.Id} subject", action.Subject));
                texts.Add(($"automation {automation.Id}/{action.Id} body", action.Body));
            }
        }

        foreach (var entry in TemplateGallery.All)
        {
            var template = entry.Create();
            texts.Add(($"gallery {entry.Key}", entry.Name));
            texts.Add(($"gallery {entry.Key} description", entry.Description));
            texts.Add(($"gallery {entry.Key} category", entry.Category));
            texts.Add(($"template {entry.Key}", template.Name));
            texts.Add(($"template {entry.Key} description", template.Description));
            texts.Add(($"template {entry.Key} progress", template.Ecp?.Label));
            texts.Add(($"template {entry.Key} progress description", template.Ecp?.Description));
            foreach (var phase in template.Phases ?? [])
            {
                texts.Add(($"phase {phase.Id}", phase.Name));
                texts.Add(($"phase {phase.Id} progress", phase.Ecp?.Label));
                texts.Add(($"phase {phase.Id} progress description", phase.Ecp?.Description));
            }

            foreach (var task in template.Tasks)
            {
                texts.Add(($"task {task.Id}", task.Name));
                texts.Add(($"task {task.Id} description", task.Description?.Value));
                texts.Add(($"task {task.Id} journey", task.Journey?.Name));
                texts.Add(($"task {task.Id} progress", task.Ecp?.Label));
                texts.Add(($"task {task.Id} progress description", task.Ecp?.Description));
                texts.AddRange((task.Conditions ?? []).Select(c => ($"branch {c.Id}", (string?)c.BranchName)));
            }

            texts.AddRange((template.ClosingReasons ?? []).Select(r => ($"template {entry.Key} reason {r.Id}", (string?)r.Title)));
        }

        return [.. texts.Where(t => !string.IsNullOrEmpty(t.Text)).Select(t => (t.Where, t.Text!))];
    }
}
