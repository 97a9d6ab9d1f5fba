using Workflows.Core.Dashboard;
using Workflows.Core.Demo.Bulk;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// "Open tasks where the record's amount &gt; X" must start from the filterable values' index and reach the tasks by
/// their record (issue 20), never scan the tasks or read the records' JSON: checked with EXPLAIN QUERY PLAN on bulk data.
/// </summary>
public sealed class RecordAttributeFilterPlanTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        await BulkTestData.SeedAsync(database, services, new BulkSeedOptions { Tasks = 5_000, Users = 20, Partners = 3, Templates = 4 });
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [SqliteTheory("EXPLAIN QUERY PLAN is SQLite's")]
    [InlineData("amount", "greater_than", "30000", "IX_entity_filterable_values_Schema_Attribute_Number_RecordId")]
    [InlineData("stage", "equals", "qualified", "IX_entity_filterable_values_Schema_Attribute_Text_RecordId")]
    public async Task An_attribute_filter_reads_the_value_index_and_joins_the_tasks_by_record(string attribute, string op, string value, string index)
    {
        var query = await services.GetRequiredService<RecordAttributeFilters>().ApplyAsync(
            new TaskQuery { EntitySchema = "opportunity" }, [new RecordAttributeFilter(attribute, op, value)], CancellationToken.None);
        Assert.True(query.Succeeded, query.Error);

        var (page, plans) = await TaskQueryPlans.SearchAsync(database, query.Value);

        Assert.NotEmpty(page.Items);
        var filtered = plans.Where(p => p.Sql.Contains("entity_filterable_values", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, filtered.Count); // the count and the page
        foreach (var (sql, plan) in filtered)
        {
            var steps = string.Join('\n', plan);
            Assert.True(plan.Exists(step => step.Contains(index, StringComparison.Ordinal)), $"The value index is not used by:\n{sql}\n{steps}");
            Assert.True(plan.Exists(step => step.Contains("flow_tasks", StringComparison.Ordinal) && step.Contains("(EntityId=?)", StringComparison.Ordinal)),
                $"The tasks are not reached by record in:\n{sql}\n{steps}");
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
            Assert.DoesNotContain("entity_records", sql, StringComparison.Ordinal);
        }
    }
}
