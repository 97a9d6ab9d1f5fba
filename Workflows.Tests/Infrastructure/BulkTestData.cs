using Workflows.Core.Demo;
using Workflows.Core.Demo.Bulk;

namespace Workflows.Tests.Infrastructure;

/// <summary>A migrated test database with the roles and a task list from the bulk generator (the one seed-bulk runs).</summary>
internal static class BulkTestData
{
    public static async Task<BulkSeedResult> SeedAsync(TempDatabase database, ServiceProvider services, BulkSeedOptions options)
    {
        await using (await database.CreateMigratedContextAsync())
        {
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureRolesAsync(CancellationToken.None);
        }

        return await services.GetRequiredService<BulkSeeder>().SeedAsync(options, null, CancellationToken.None);
    }
}
