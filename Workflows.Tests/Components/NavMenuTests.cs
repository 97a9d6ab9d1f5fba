using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Workflows.Core.Identity;
using Workflows.Web.Components.Layout;
using Workflows.Web.Hosting;

namespace Workflows.Tests.Components;

public sealed class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddWorkflowsLanguages();
    }

    [Theory]
    [InlineData(Roles.Admin, new[] { "Records", "Workflow builder", "Automations", "Journeys", "Administration" })]
    [InlineData(Roles.Builder, new[] { "Records", "Workflow builder", "Automations", "Journeys" })]
    [InlineData(Roles.CaseWorker, new[] { "Dashboard", "Task board", "Records" })]
    [InlineData(Roles.Manager, new[] { "Dashboard", "Task board", "Records" })]
    [InlineData(Roles.Partner, new[] { "Task board", "My partner tasks" })]
    public void The_drawer_shows_exactly_the_entries_of_the_role(string role, string[] expected)
    {
        AddAuthorization().SetAuthorized("someone@workflows.demo").SetRoles(role);

        var menu = Render<NavMenu>();

        var entries = menu.FindAll(".mud-nav-link-text").Select(link => link.TextContent.Trim()).ToArray();
        Assert.Equal(expected, entries);
    }

    [Fact]
    public void The_drawer_is_empty_for_a_visitor_who_is_not_signed_in()
    {
        AddAuthorization();

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll(".mud-nav-link"));
    }
}
