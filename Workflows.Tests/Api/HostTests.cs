using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

public sealed class HostTests(HostTests.App app) : IClassFixture<HostTests.App>
{
    public sealed class App : WorkflowsAppFactory;

    [Fact]
    public async Task Health_answers_200_without_signing_in()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Manage")]
    public async Task An_anonymous_page_request_is_sent_to_the_login_page(string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_is_served_to_anonymous_visitors()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Contains("Log in", html, StringComparison.Ordinal);
        Assert.Contains("caseworker@workflows.demo", html, StringComparison.Ordinal);
    }
}
