using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

/// <summary>Templates saved before labels had their own column get it filled from their documents on upgrade.</summary>
public sealed class TemplateLabelsMigrationTests : IDisposable
{
    private readonly TempDatabase database = TempDatabase.Empty();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Upgrading_copies_each_templates_labels_from_its_document_into_the_column()
    {
        await using (var old = database.CreateContext())
        {
            var steps = old.Database.GetMigrations().ToList();
            var labelsStep = steps.FindIndex(s => s.EndsWith("_TemplateLabelsColumn", StringComparison.Ordinal));
            await old.GetService<IMigrator>().MigrateAsync(steps[labelsStep - 1]);
            // SQLite keeps instants as Unix milliseconds (ADR-001).
            object now = database.IsPostgres ? DateTimeOffset.UtcNow : 0L;
            foreach (var (id, document) in new[]
            {
                ("labelled", """{"id":"labelled","name":"Labelled","taxonomies":["Solar","Wallbox"],"tasks":[]}"""),
                ("unlabelled", """{"id":"unlabelled","name":"Unlabelled","tasks":[]}"""),
                ("null-labels", """{"id":"null-labels","name":"Null labels","taxonomies":null,"tasks":[]}"""),
            })
            {
                await old.Database.ExecuteSqlAsync(
                    $"""INSERT INTO flow_templates ("Id", "Name", "Enabled", "Revision", "AutomationTriggered", "TaskCount", "Document", "CreatedAt", "UpdatedAt") VALUES ({id}, {id}, TRUE, 1, FALSE, 0, {document}, {now}, {now})""");
            }
        }

        await using var db = await database.CreateMigratedContextAsync();

        var labels = await db.FlowTemplates.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Labels);
        Assert.Equal(["Solar", "Wallbox"], labels["labelled"]);
        Assert.Empty(labels["unlabelled"]);
        Assert.Empty(labels["null-labels"]);
    }

    [Fact]
    public async Task The_list_filters_and_shows_labels_from_the_column()
    {
        await using var services = CoreServices.Build(database);
        await using (await database.CreateMigratedContextAsync())
        {
        }

        var templates = services.GetRequiredService<FlowTemplateService>();
        foreach (var (name, labels) in new[] { ("Solar install", new[] { "Solar", "B2C" }), ("Meter change", new[] { "Metering" }) })
        {
            var template = ATemplate(name).WithTask("t1", "Check").With(t => (t.Id, t.Taxonomies) = (null, [.. labels])).Build();
            var saved = await templates.SaveAsync(template, null, new Actor("builder", "Builder"), CancellationToken.None);
            Assert.True(saved.Succeeded, saved.Error);
        }

        var solar = await templates.ListAsync(new TemplateQuery { Labels = ["solar"] }, CancellationToken.None);

        Assert.Equal(["Solar install"], solar.Select(s => s.Name));
        Assert.Equal(["Solar", "B2C"], solar.Single().Labels);
        Assert.Equal(["B2C", "Metering", "Solar"], await templates.ListLabelsAsync(CancellationToken.None));
        var page = await templates.QueryAsync(new TemplateQuery { Labels = ["Metering"] }, CancellationToken.None);
        Assert.Equal(1, page.Total);
        Assert.Equal("Meter change", page.Items.Single().Name);
    }
}
