using Microsoft.Playwright;
using Workflows.Core.Identity;
using Workflows.Tests.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>Each role opens exactly the pages the <see cref="RoleMatrix"/> gives it, and is told "Access denied" at the others.</summary>
[Collection(nameof(EndToEnd))]
public sealed class PageAccessTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly (string Path, Permission Permission)[] Pages =
    [
        ("/dashboard", Permission.UseDashboard),
        ("/partner", Permission.UsePartnerPortal),
        ("/entities/contact", Permission.UseRecords),
        ("/builder", Permission.Build),
        ("/automations", Permission.Build),
        ("/journeys", Permission.Build),
        ("/admin", Permission.Administer),
        ("/board", Permission.WorkTasks),
    ];

    private static readonly (string Path, Permission Permission)[] Exports =
    [
        ("/dashboard/export.csv", Permission.UseDashboard),
        ("/partner/export.csv", Permission.UsePartnerPortal),
    ];

    [Theory]
    [InlineData("admin@workflows.demo", Roles.Admin)]
    [InlineData("builder@workflows.demo", Roles.Builder)]
    [InlineData("caseworker@workflows.demo", Roles.CaseWorker)]
    [InlineData("manager@workflows.demo", Roles.Manager)]
    [InlineData("partner@solartech.demo", Roles.Partner)]
    public async Task Each_role_opens_the_pages_of_its_permissions_and_is_denied_the_others(string email, string role)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(email);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.Ordinal));

        foreach (var (path, permission) in Pages)
        {
            await page.GotoAsync(path);
            var denied = page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" });
            if (RoleMatrix.RolesHolding(permission).Contains(role))
            {
                await page.WaitForInteractiveAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                await Assertions.Expect(denied).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
            }
            else
            {
                await Assertions.Expect(denied).ToBeVisibleAsync();
            }

            await page.ScreenshotAsync($"access-{role.ToLowerInvariant()}{path.Replace('/', '-')}");
        }

        foreach (var (path, permission) in Exports)
        {
            var export = await page.Context.APIRequest.GetAsync(path);

            var isCsv = export.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/csv", StringComparison.Ordinal);
            Assert.True(RoleMatrix.RolesHolding(permission).Contains(role) == isCsv, $"{role} {path}: {export.Status} {type}");
        }

        await page.Context.CloseAsync();
    }
}
