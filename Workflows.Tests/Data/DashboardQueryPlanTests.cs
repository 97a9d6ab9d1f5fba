using Workflows.Core.Dashboard;
using Workflows.Core.Demo.Bulk;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// The dashboard must answer from indexes at any volume (issue 7): the statements behind the default view ("my open
/// tasks, soonest due first") are each checked with EXPLAIN QUERY PLAN on bulk-generated data.
/// </summary>
public sealed class DashboardQueryPlanTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;
    private BulkSeedResult seeded = default!;

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        seeded = await BulkTestData.SeedAsync(database, services, new BulkSeedOptions { Tasks = 5_000, Users = 20, Partners = 3, Templates = 4 });
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [SqliteFact("EXPLAIN QUERY PLAN is SQLite's")]
    public async Task Every_statement_of_the_default_dashboard_query_is_served_by_an_index()
    {
        var (page, plans) = await TaskQueryPlans.SearchAsync(database, new TaskQuery { AssigneeIds = [seeded.UserIds[3]] });

        Assert.NotEmpty(page.Items);
        Assert.NotEmpty(plans);
        foreach (var (sql, plan) in plans)
        {
            Assert.True(plan.Exists(step => step.Contains("USING INDEX", StringComparison.Ordinal) || step.Contains("USING COVERING INDEX", StringComparison.Ordinal)),
                $"No index in the plan of:\n{sql}\n{string.Join('\n', plan)}");
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("SCAN flow_tasks", StringComparison.Ordinal));
        }
    }
}
