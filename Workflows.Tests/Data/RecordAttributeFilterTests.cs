using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

/// <summary>
/// Tasks filtered by their record's filterable attributes (issue 20): every operator of every type, through the index
/// the record writes and the schema save keep in step.
/// </summary>
public sealed class RecordAttributeFilterTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;
    private readonly Dictionary<string, string> records = [];

    private EntityService Entities => services.GetRequiredService<EntityService>();

    private static EntitySchema Site(bool regionFilterable = false) => new()
    {
        Slug = "site",
        Name = "Site",
        Plural = "Sites",
        TitleTemplate = "{{name}}",
        Attributes =
        [
            new() { Name = "name", Label = "Name", Type = AttributeType.Text, Required = true },
            new() { Name = "amount", Label = "Amount", Type = AttributeType.Number, Filterable = true },
            new() { Name = "stage", Label = "Stage", Type = AttributeType.Select, Options = ["new", "offer", "won"], Filterable = true },
            new() { Name = "city", Label = "City", Type = AttributeType.Text, Filterable = true },
            new() { Name = "visit", Label = "Visit", Type = AttributeType.Date, Filterable = true },
            new() { Name = "signed", Label = "Signed", Type = AttributeType.Boolean, Filterable = true },
            new() { Name = "roof", Label = "Roof", Type = AttributeType.MultiSelect, Options = ["north", "south"], Filterable = true },
            new() { Name = "region", Label = "Region", Type = AttributeType.Text, Filterable = regionFilterable },
        ],
    };

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        }

        Assert.True((await Entities.SaveSchemaAsync(Site(), CancellationToken.None)).Succeeded);
        await AddAsync("a", 9_999.5m, "new", "Köln", "2026-05-01", false, ["north"], "West");
        await AddAsync("b", 10_000m, "offer", "Berlin", "2026-06-01", true, ["south"], "East");
        await AddAsync("c", 10_000.25m, "offer", "Kölner Vorort", "2026-06-15", true, ["north", "south"], "West");
        await AddAsync("d", 25_000m, "won", "KÖLN ", "2026-07-01", false, [], "North");

        var template = ATemplate("Site check").WithTask("survey", "Survey").WithTask("report", "Report").Chain("survey", "report")
            .With(t => t.Id = "site-check").Build();
        Assert.True((await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None)).Succeeded);
        foreach (var id in records.Values)
        {
            var started = await services.GetRequiredService<FlowExecutionService>()
                .StartAsync("site-check", [new EntityRef { EntityId = id, EntitySchema = "site" }], Lena, CancellationToken.None);
            Assert.True(started.Succeeded, started.Error);
        }
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    private async Task AddAsync(string name, decimal amount, string stage, string city, string visit, bool signed, string[] roof, string region)
    {
        var created = await Entities.CreateAsync("site", new JsonObject
        {
            ["name"] = name, ["amount"] = amount, ["stage"] = stage, ["city"] = city, ["visit"] = visit, ["signed"] = signed,
            ["roof"] = new JsonArray([.. roof.Select(r => (JsonNode?)r)]), ["region"] = region,
        }, Lena, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        records[name] = created.Value.Id;
    }

    /// <summary>The names of the sites whose open tasks the filters select (each has two; both are open).</summary>
    private async Task<List<string>> SitesAsync(params RecordAttributeFilter[] filters)
    {
        var query = await services.GetRequiredService<RecordAttributeFilters>()
            .ApplyAsync(new TaskQuery { EntitySchema = "site", PageSize = 100 }, filters, CancellationToken.None);
        Assert.True(query.Succeeded, query.Error);
        var page = await services.GetRequiredService<TaskSearch>().SearchAsync(query.Value, CancellationToken.None);
        Assert.Equal(page.Items.Count, page.Total);
        return [.. page.Items.Where(t => t.TaskId == "survey").Select(t => t.EntityTitle!).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("equals", "10000.25", "c")]
    [InlineData("not_equals", "10000", "a,c,d")]
    [InlineData("greater_than", "10000", "c,d")]
    [InlineData("greater_than_or_equals", "10000", "b,c,d")]
    [InlineData("less_than", "10000", "a")]
    [InlineData("less_than_or_equals", "10000.25", "a,b,c")]
    [InlineData("greater_than", "10,000", "c,d")]
    public async Task Numbers_with_decimals_compare_with_every_operator(string op, string value, string expected)
    {
        Assert.Equal(expected.Split(','), await SitesAsync(new RecordAttributeFilter("amount", op, value)));
    }

    [Theory]
    [InlineData("equals", "2026-06-01", "b")]
    [InlineData("not_equals", "2026-06-01", "a,c,d")]
    [InlineData("greater_than", "2026-06-01", "c,d")]
    [InlineData("greater_than_or_equals", "2026-06-01", "b,c,d")]
    [InlineData("less_than", "2026-06-01", "a")]
    [InlineData("less_than_or_equals", "2026-06-15", "a,b,c")]
    public async Task Dates_compare_with_every_operator(string op, string value, string expected)
    {
        Assert.Equal(expected.Split(','), await SitesAsync(new RecordAttributeFilter("visit", op, value)));
    }

    [Theory]
    [InlineData("equals", "Köln", "a,d")]
    [InlineData("equals", "köln", "a,d")]
    [InlineData("equals", " KÖLN", "a,d")]
    [InlineData("contains", "ÖLN", "a,c,d")]
    [InlineData("contains", "lin", "b")]
    public async Task Text_matches_with_umlauts_in_any_case(string op, string value, string expected)
    {
        Assert.Equal(expected.Split(','), await SitesAsync(new RecordAttributeFilter("city", op, value)));
    }

    [Fact]
    public async Task Options_and_booleans_match_by_equality_and_a_multiselect_by_each_option()
    {
        Assert.Equal(["b", "c"], await SitesAsync(new RecordAttributeFilter("stage", "equals", "offer")));
        Assert.Equal(["b", "c"], await SitesAsync(new RecordAttributeFilter("signed", "equals", "true")));
        Assert.Equal(["a", "d"], await SitesAsync(new RecordAttributeFilter("signed", "equals", "false")));
        Assert.Equal(["a", "c"], await SitesAsync(new RecordAttributeFilter("roof", "equals", "north")));
    }

    [Fact]
    public async Task Several_filters_all_apply()
    {
        Assert.Equal(["c"], await SitesAsync(new RecordAttributeFilter("stage", "equals", "offer"), new RecordAttributeFilter("city", "contains", "köln")));
    }

    [Fact]
    public async Task A_record_change_moves_its_tasks_in_and_out_of_a_filter()
    {
        var changed = await Entities.UpdateAsync("site", records["a"], new JsonObject { ["amount"] = 50_000, ["city"] = "Bonn" }, null, replace: false, Lena, CancellationToken.None);
        Assert.True(changed.Succeeded, changed.Error);
        var cleared = await Entities.UpdateAsync("site", records["d"], new JsonObject { ["amount"] = null }, null, replace: false, Lena, CancellationToken.None);
        Assert.True(cleared.Succeeded, cleared.Error);

        Assert.Equal(["a", "c"], await SitesAsync(new RecordAttributeFilter("amount", "greater_than", "10000")));
        Assert.Equal(["d"], await SitesAsync(new RecordAttributeFilter("city", "equals", "köln")));
        Assert.Equal(["a"], await SitesAsync(new RecordAttributeFilter("city", "equals", "bonn")));
    }

    [Fact]
    public async Task Marking_an_attribute_filterable_indexes_the_records_it_already_has_and_unmarking_drops_them()
    {
        var refused = await services.GetRequiredService<RecordAttributeFilters>()
            .ApplyAsync(new TaskQuery { EntitySchema = "site" }, [new RecordAttributeFilter("region", "equals", "west")], CancellationToken.None);
        Assert.Contains("Region is not filterable", refused.Error);

        Assert.True((await Entities.SaveSchemaAsync(Site(regionFilterable: true), CancellationToken.None)).Succeeded);
        Assert.Equal(["a", "c"], await SitesAsync(new RecordAttributeFilter("region", "equals", "west")));

        Assert.True((await Entities.SaveSchemaAsync(Site(regionFilterable: false), CancellationToken.None)).Succeeded);
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.FilterableValues.AnyAsync(v => v.Attribute == "region"));
        Assert.Equal(4, await db.FilterableValues.CountAsync(v => v.Attribute == "amount"));
    }

    [Theory]
    [InlineData("colour", "equals", "red", "Site has no attribute 'colour'; its filterable attributes are amount, stage, city, visit, signed, roof.")]
    [InlineData("region", "equals", "West", "Region is not filterable")]
    [InlineData("amount", "contains", "10", "Amount (number) is filtered with equals, not_equals, greater_than, greater_than_or_equals, less_than, less_than_or_equals; not 'contains'.")]
    [InlineData("city", "greater_than", "K", "City (string) is filtered with equals, contains; not 'greater_than'.")]
    [InlineData("stage", "equals", "lost", "Stage must be one of: new, offer, won.")]
    [InlineData("amount", "greater_than", "a lot", "Amount must be a number.")]
    [InlineData("visit", "less_than", "soon", "Visit must be a date (yyyy-mm-dd).")]
    [InlineData("signed", "equals", "yes", "Signed must be true or false.")]
    [InlineData("amount", "equals", " ", "The filter on Amount needs a value.")]
    public void A_filter_the_schema_does_not_allow_is_refused_with_the_reason(string attribute, string op, string value, string reason)
    {
        var resolved = RecordAttributeFilters.Resolve(Site(), [new RecordAttributeFilter(attribute, op, value)]);

        Assert.False(resolved.Succeeded);
        Assert.Contains(reason, resolved.Error);
    }

    [Fact]
    public async Task Attribute_filters_need_a_record_type_that_exists()
    {
        var filters = services.GetRequiredService<RecordAttributeFilters>();
        RecordAttributeFilter[] asked = [new("amount", "equals", "1")];

        var noSchema = await filters.ApplyAsync(new TaskQuery(), asked, CancellationToken.None);
        var unknown = await filters.ApplyAsync(new TaskQuery { EntitySchema = "spaceship" }, asked, CancellationToken.None);

        Assert.Contains("needs the record type (entity_schema)", noSchema.Error);
        Assert.Contains("There is no record type 'spaceship'", unknown.Error);
    }

    [Fact]
    public void Only_single_line_attributes_of_comparable_types_can_be_filterable()
    {
        var schema = Site();
        schema.Attributes.Add(new EntityAttribute { Name = "notes", Label = "Notes", Type = AttributeType.Text, Multiline = true, Filterable = true });
        schema.Attributes.Add(new EntityAttribute { Name = "contact", Label = "Contact", Type = AttributeType.Relation, AllowedSchemas = ["contact"], Filterable = true });

        var problem = SchemaRules.Check(schema);

        Assert.Contains("Attribute 'notes' cannot be filterable", problem?.Message);
        Assert.Contains("Attribute 'contact' cannot be filterable", problem?.Message);
    }
}
