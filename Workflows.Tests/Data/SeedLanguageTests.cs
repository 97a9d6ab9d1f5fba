using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary><c>Seed:Language</c> decides the language of everything the demo seed writes, whatever the thread's culture is.</summary>
public sealed class SeedLanguageTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task Seeding_in_German_writes_schemas_templates_workflows_and_teams_in_German()
    {
        await using var services = CoreServices.Build(database, settings: new Dictionary<string, string?> { ["Seed:Language"] = "de" });
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

        var contact = await db.EntitySchemas.AsNoTracking().SingleAsync(s => s.Slug == "contact");
        Assert.Equal("Kontakt", contact.Name);
        Assert.Equal("Zählernummer", contact.Attributes.Single(a => a.Name == "meter_number").Label);
        Assert.Equal("Außendienst", (await db.Teams.AsNoTracking().SingleAsync(t => t.Id == DemoSeeder.FieldServiceTeamId)).Name);
        Assert.Equal("Zählerwechsel", (await db.FlowTemplates.AsNoTracking().SingleAsync(t => t.Id == DemoWorkflows.TemplateId("meter-change"))).Name);
        // Workflows started by the seed, after many awaits, still carry the German task names.
        var taskNames = await db.FlowTasks.AsNoTracking().Select(t => t.Name).ToListAsync();
        Assert.Contains("Auftrag und Zählerdaten prüfen", taskNames);
        Assert.DoesNotContain("Check order and meter data", taskNames);
        Assert.Equal("PV-Angebot per E-Mail senden", (await db.Automations.AsNoTracking().SingleAsync(a => a.Id == DemoAutomations.SendOfferEmail)).Name);
        Assert.Equal("Bonitätsprüfung negativ", (await db.ClosingReasons.AsNoTracking().SingleAsync(r => r.Id == "cr-credit-check")).Title);
        // A title made from a select reads its option's German title while the record keeps the value.
        var orders = await db.EntityRecords.AsNoTracking().Where(r => r.Schema == "order").ToListAsync();
        var order = orders.First(r => r.Attributes["product"]?.ToString() == "Heat pump");
        Assert.EndsWith(" Wärmepumpe", order.Title, StringComparison.Ordinal);
    }

    public void Dispose() => database.Dispose();
}
