using System.Globalization;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit.Rendering;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using MudBlazor;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Identity;
using Workflows.Tests.Data;
using Workflows.Web.Components.Admin;
using Workflows.Web.Hosting;

namespace Workflows.Tests.Components.Admin;

/// <summary>The admin page against the real services on a temp SQLite file, driven through its markup.</summary>
public sealed class AdminPageTests : BunitContext, IAsyncLifetime
{
    private AdminTestDatabase database = null!;
    private string adminId = "";

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        adminId = await database.AddUserAsync("Sabine Hoffmann", "admin@workflows.test", Roles.Admin);

        // Each action is a real database round trip; a busy CI machine needs more than bunit's one second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddWorkflowsLanguages();
        Services.AddSingleton(new Workflows.Core.Flows.FlowSettings());
        AdminTestDatabase.AddAdministration(Services, database.Provider, database.ConnectionString);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("admin@workflows.test");
        authorization.SetRoles(Roles.Admin);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, adminId));
    }

    /// <summary>
    /// xunit 2 disposes test classes synchronously, which MudBlazor's async-only services refuse; disposing the
    /// context asynchronously first makes xunit's later <c>Dispose</c> a no-op.
    /// </summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task The_users_tab_lists_each_user_with_roles_partner_and_status()
    {
        var partnerId = await database.AddPartnerAsync("SolarTech Montage GmbH");
        await database.AddUserAsync("Klaus Richter", "klaus@solartech.test", Roles.Partner, partnerId);

        var page = RenderAdminPage();

        page.WaitForAssertion(() =>
        {
            var row = Row(page, "Klaus Richter");
            Assert.Contains("klaus@solartech.test", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Partner", row.QuerySelector(".mud-chip")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("SolarTech Montage GmbH", row.TextContent, StringComparison.Ordinal);
            Assert.Equal("Active", row.QuerySelector("[data-status]")!.TextContent.Trim());
        });
    }

    [Fact]
    public async Task Locking_a_user_after_confirming_shows_them_locked()
    {
        await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);
        var page = RenderAdminPage();

        page.WaitForElement("button[aria-label='Lock Lena Schmidt']").Click();
        Button(page, "Lock").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Locked", Row(page, "Lena Schmidt").QuerySelector("[data-status]")!.TextContent.Trim());
            Assert.Contains("Lena Schmidt is locked.", page.Markup, StringComparison.Ordinal);
            Assert.NotNull(page.Find("button[aria-label='Unlock Lena Schmidt']"));
        });
    }

    [Fact]
    public void Locking_yourself_is_refused_with_a_message()
    {
        var page = RenderAdminPage();

        page.WaitForElement("button[aria-label='Lock Sabine Hoffmann']").Click();
        Button(page, "Lock").Click();

        page.WaitForAssertion(() => Assert.Contains("You cannot lock your own account.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Active", Row(page, "Sabine Hoffmann").QuerySelector("[data-status]")!.TextContent.Trim());
    }

    [Fact]
    public void Creating_a_user_in_the_dialog_lists_them()
    {
        var page = RenderAdminPage();

        Button(page, "New user").Click();
        page.WaitForAssertion(() => Field(page, "Name").Change("Jonas Becker"));
        Field(page, "E-mail").Change("jonas@workflows.test");
        Field(page, "Initial password").Change("Builder!2026");
        Button(page, "Create user").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Case worker", Row(page, "Jonas Becker").TextContent, StringComparison.Ordinal);
            Assert.Contains("Jonas Becker can now sign in as jonas@workflows.test.", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_new_user_dialog_shows_why_the_service_refused()
    {
        var page = RenderAdminPage();

        Button(page, "New user").Click();
        page.WaitForAssertion(() => Field(page, "Name").Change("Someone Else"));
        Field(page, "E-mail").Change("admin@workflows.test");
        Field(page, "Initial password").Change("Builder!2026");
        Button(page, "Create user").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "A user with the e-mail admin@workflows.test already exists.",
            page.Find(".mud-dialog [role=alert]").TextContent.Trim()));
    }

    [Fact]
    public void The_new_user_dialog_asks_for_missing_fields_before_saving()
    {
        var page = RenderAdminPage();

        Button(page, "New user").Click();
        page.WaitForAssertion(() => Button(page, "Create user").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the person's name.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter an initial password.", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Generating_a_password_fills_the_field()
    {
        var page = RenderAdminPage();

        Button(page, "New user").Click();
        page.WaitForElement("[aria-label='Generate a password']").Click();

        page.WaitForAssertion(() => Assert.Equal(16, Field(page, "Initial password").GetAttribute("value")!.Length));
    }

    [Fact]
    public void Removing_your_own_admin_role_is_refused_in_the_dialog()
    {
        var page = RenderAdminPage();

        page.WaitForElement("button[aria-label='Edit roles of Sabine Hoffmann']").Click();
        page.WaitForAssertion(() => CheckBox(page, "Admin").Change(false));
        CheckBox(page, "Builder").Change(true);
        Button(page, "Save roles").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "You cannot remove your own Admin role: you would lock yourself out of administration. Ask another administrator.",
            page.Find(".mud-dialog [role=alert]").TextContent.Trim()));
    }

    [Fact]
    public async Task Editing_roles_shows_the_new_roles_in_the_list()
    {
        await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);
        var page = RenderAdminPage();

        page.WaitForElement("button[aria-label='Edit roles of Lena Schmidt']").Click();
        page.WaitForAssertion(() => CheckBox(page, "Manager").Change(true));
        Button(page, "Save roles").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["Case worker", "Manager"],
            Row(page, "Lena Schmidt").QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()).Where(t => t != "Active")));
    }

    [Fact]
    public async Task Resetting_a_password_reports_identitys_rules_and_then_succeeds()
    {
        await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);
        var page = RenderAdminPage();

        page.WaitForElement("button[aria-label='Reset password of Lena Schmidt']").Click();
        page.WaitForAssertion(() => Field(page, "New password").Change("password"));
        Button(page, "Set password").Click();
        page.WaitForAssertion(() => Assert.Contains(
            "Passwords must have at least one digit", page.Find(".mud-dialog [role=alert]").TextContent, StringComparison.Ordinal));
        Button(page, "Generate a password").Click();
        Button(page, "Set password").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "The password of Lena Schmidt was changed.", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searching_shows_only_matching_users_or_says_none_match()
    {
        await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);
        var page = RenderAdminPage();
        page.WaitForAssertion(() => Row(page, "Lena Schmidt"));

        Field(page, "Search users").Input("lena");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Field(page, "Search users").Input("nobody");

        page.WaitForAssertion(() => Assert.Contains("No user matches “nobody”.", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Creating_a_partner_shows_it_in_the_list()
    {
        var page = RenderAdminPage();
        OpenTab(page, "Partners");
        page.WaitForAssertion(() => Assert.Contains("There are no partner organisations yet.", page.Markup, StringComparison.Ordinal));

        Button(page, "New partner organisation").Click();
        page.WaitForAssertion(() => Field(page, "Name").Change("SolarTech Montage GmbH"));
        Field(page, "E-mail").Change("auftraege@solartech.test");
        Button(page, "Create").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("auftraege@solartech.test", Row(page, "SolarTech Montage GmbH").TextContent, StringComparison.Ordinal);
            Assert.Contains("“SolarTech Montage GmbH” created.", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Deleting_a_partner_with_users_is_refused_with_the_reason()
    {
        var partnerId = await database.AddPartnerAsync("SolarTech Montage GmbH");
        await database.AddUserAsync("Klaus Richter", "klaus@solartech.test", Roles.Partner, partnerId);
        var page = RenderAdminPage();
        OpenTab(page, "Partners");

        page.WaitForElement("button[aria-label='Delete SolarTech Montage GmbH']").Click();
        Button(page, "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "“SolarTech Montage GmbH” still has 1 user (Klaus Richter).", page.Markup, StringComparison.Ordinal));
        Assert.NotNull(Row(page, "SolarTech Montage GmbH"));
    }

    [Fact]
    public async Task Deleting_a_partner_after_confirming_removes_it()
    {
        await database.AddPartnerAsync("Netzwerk Messdienst AG");
        var page = RenderAdminPage();
        OpenTab(page, "Partners");

        page.WaitForElement("button[aria-label='Delete Netzwerk Messdienst AG']").Click();
        Button(page, "Delete").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("“Netzwerk Messdienst AG” deleted.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("There are no partner organisations yet.", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Switching_a_closing_reason_off_shows_it_inactive()
    {
        await database.ClosingReasons.CreateAsync("Customer cancelled", CancellationToken.None);
        var page = RenderAdminPage();
        OpenTab(page, "Closing reasons");

        page.WaitForAssertion(() => Row(page, "Customer cancelled").QuerySelector("input[type=checkbox]")!.Change(false));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Inactive", Row(page, "Customer cancelled").TextContent, StringComparison.Ordinal);
            Assert.Contains("“Customer cancelled” is inactive", page.Markup, StringComparison.Ordinal);
        });
        var stored = Assert.Single(await database.ClosingReasons.ListAsync(includeInactive: true, CancellationToken.None));
        Assert.Equal(ClosingReasonStatus.INACTIVE, stored.Status);
    }

    [Fact]
    public async Task Creating_and_renaming_closing_reasons_updates_the_list_and_refuses_duplicates()
    {
        await database.ClosingReasons.CreateAsync("Duplicate request", CancellationToken.None);
        var page = RenderAdminPage();
        OpenTab(page, "Closing reasons");

        Button(page, "New closing reason").Click();
        page.WaitForAssertion(() => Field(page, "Title").Change("duplicate REQUEST"));
        Button(page, "Create").Click();
        page.WaitForAssertion(() => Assert.Equal(
            "The closing reason “Duplicate request” already exists.", page.Find(".mud-dialog [role=alert]").TextContent.Trim()));
        Field(page, "Title").Change("No response from customer");
        Button(page, "Create").Click();
        page.WaitForAssertion(() => Row(page, "No response from customer"));

        page.Find("button[aria-label='Rename Duplicate request']").Click();
        page.WaitForAssertion(() => Field(page, "Title").Change("Duplicate of another request"));
        Button(page, "Rename").Click();

        page.WaitForAssertion(() =>
        {
            Assert.NotNull(Row(page, "Duplicate of another request"));
            Assert.Contains("Renamed to “Duplicate of another request”.", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task In_German_the_tabs_table_and_actions_read_German()
    {
        await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Workflows.Core.Localization.Languages.Culture("de");
        try
        {
            var page = RenderAdminPage();

            page.WaitForAssertion(() =>
            {
                var row = Row(page, "Lena Schmidt");
                Assert.Equal("Aktiv", row.QuerySelector("[data-status]")!.TextContent.Trim());
                Assert.NotNull(row.QuerySelector("button[aria-label='Lena Schmidt sperren']"));
                Assert.NotNull(row.QuerySelector("button[aria-label='Passwort von Lena Schmidt zurücksetzen']"));
            });
            Assert.Contains("Verwaltung", page.Find("h1").TextContent, StringComparison.Ordinal);
            var headers = page.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList();
            Assert.Contains("Rollen", headers);
            Assert.Contains("Aktionen", headers);
            Assert.Equal("Benutzer", page.Find("table").GetAttribute("aria-label"));
            Assert.Contains("Benutzer pro Seite:", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Neuer Benutzer", page.Markup, StringComparison.Ordinal);

            OpenTab(page, "Abschlussgründe");
            page.WaitForAssertion(() => Assert.Equal("Abschlussgründe", page.Find("h2").TextContent.Trim()));
            Assert.NotNull(Button(page, "Neuer Abschlussgrund"));
            Assert.Equal("Abschlussgründe", page.Find("table").GetAttribute("aria-label"));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }

    private IRenderedComponent<ContainerFragment> RenderAdminPage() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<AdminPage>(3);
        builder.CloseComponent();
    });

    private static void OpenTab(IRenderedComponent<ContainerFragment> page, string title) =>
        page.FindAll(".mud-tab").Single(tab => tab.TextContent.Trim() == title).Click();

    /// <summary>The table row whose first cell reads <paramref name="firstCell"/>.</summary>
    private static IElement Row(IRenderedComponent<ContainerFragment> page, string firstCell) =>
        page.FindAll("tbody tr").Single(row => row.QuerySelector("td")?.TextContent.Trim() == firstCell);

    /// <summary>The button reading <paramref name="text"/>, the last one when a dialog covers the page; waits for dialogs to open.</summary>
    private static IElement Button(IRenderedComponent<ContainerFragment> page, string text) =>
        WaitForLast(page, "button", button => button.TextContent.Trim() == text);

    /// <summary>The input of the text field labelled <paramref name="label"/>, the last one when a dialog covers the page.</summary>
    private static IElement Field(IRenderedComponent<ContainerFragment> page, string label) =>
        WaitForLast(page, ".mud-input-control", control => control.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').Trim() == label)
            .QuerySelector("input")!;

    private static IElement CheckBox(IRenderedComponent<ContainerFragment> page, string label) =>
        WaitForLast(page, ".mud-dialog label",
                element => element.TextContent.Trim() == label && element.QuerySelector("input[type=checkbox]") is not null)
            .QuerySelector("input[type=checkbox]")!;

    /// <summary>Dialogs open after an asynchronous round trip, so their elements are waited for rather than expected at once.</summary>
    private static IElement WaitForLast(IRenderedComponent<ContainerFragment> page, string selector, Func<IElement, bool> match)
    {
        IElement? found = null;
        page.WaitForAssertion(() =>
        {
            found = page.FindAll(selector).LastOrDefault(match);
            Assert.NotNull(found);
        });
        return found!;
    }
}
