using Microsoft.Playwright;
using Workflows.Core.Demo;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class LoginTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> LandingPages => new()
    {
        { "admin@workflows.demo", "/admin" },
        { "builder@workflows.demo", "/builder" },
        { "caseworker@workflows.demo", "/dashboard" },
        { "manager@workflows.demo", "/dashboard" },
        { "partner@solartech.demo", "/partner" },
    };

    [Theory]
    [MemberData(nameof(LandingPages))]
    public async Task Each_demo_user_logs_in_and_lands_on_the_page_of_their_role(string email, string landing)
    {
        var page = await browser.NewPageAsync();

        await page.LogInAsync(email);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landing);
        await page.WaitForInteractiveAsync();
        var role = DemoSeeder.DemoUsers.Single(user => user.Email == email).Role;
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nothing here")).ToHaveCountAsync(0);
        await page.ScreenshotAsync($"login-{role.ToLowerInvariant()}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_keeps_the_user_out()
    {
        var page = await browser.NewPageAsync();

        await page.LogInAsync("caseworker@workflows.demo", "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("e-mail or password is not right");
        Assert.EndsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.ScreenshotAsync("login-wrong-password");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "User menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Log out" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Manage");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.Context.CloseAsync();
    }
}

[CollectionDefinition(nameof(EndToEnd), DisableParallelization = true)]
public sealed class EndToEnd;
