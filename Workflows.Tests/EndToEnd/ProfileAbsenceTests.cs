using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// A user marks themselves away in their profile (the flag round-robin skips) and back again; the profile saves with
/// no phone number (an empty field once failed the phone check, so the profile of anyone without one never saved).
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class ProfileAbsenceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<bool> AbsentAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Absent;
    }

    [Fact]
    public async Task A_case_worker_marks_themselves_away_in_the_profile_and_back()
    {
        const string Email = "caseworker@workflows.demo";
        var page = await browser.NewPageAsync();
        await page.LogInAsync(Email);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/Account/Manage");

        var away = page.GetByLabel("I am away");
        await Assertions.Expect(away).Not.ToBeCheckedAsync();
        await away.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Your profile has been saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("I am away")).ToBeCheckedAsync();
        await page.ScreenshotAsync("profile-away");
        Assert.True(await AbsentAsync(Email));

        await page.GetByLabel("I am away").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your profile has been saved.")).ToBeVisibleAsync();
        Assert.False(await AbsentAsync(Email));
        await page.Context.CloseAsync();
    }
}
