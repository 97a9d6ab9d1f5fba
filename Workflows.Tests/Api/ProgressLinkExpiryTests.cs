using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Progress;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>An expired progress link, on an app whose clock the test moves: 410 with a friendly page in the customer's language.</summary>
public sealed class ProgressLinkExpiryTests(ProgressLinkExpiryTests.App app) : IClassFixture<ProgressLinkExpiryTests.App>
{
    public sealed class App : WorkflowsAppFactory
    {
        public App() => ExtraServices.Add(services => services.AddSingleton<TimeProvider>(Clock));

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_expired_link_answers_410_with_a_page_in_the_browsers_language_and_the_api_says_so()
    {
        using var anonymous = app.CreateClient();
        var executions = app.Services.GetRequiredService<FlowExecutionService>();
        var solar = (await executions.ListForEntityAsync("opportunity-001", CancellationToken.None))
            .First(e => e.FlowTemplateId == DemoWorkflows.TemplateId("solar-installation"));
        var link = app.Services.GetRequiredService<ProgressLinkService>().Create(solar.Id, TimeSpan.FromDays(1));
        var page = new Uri("/" + link.RelativeUrl, UriKind.Relative);
        using (var valid = await anonymous.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        using (var expired = await anonymous.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
            var html = await expired.Content.ReadAsStringAsync();
            Assert.Contains("This link has expired", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Your solar installation", html, StringComparison.Ordinal);
        }

        using (var german = new HttpRequestMessage(HttpMethod.Get, page))
        {
            german.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9,en;q=0.5");
            using var expiredDe = await anonymous.SendAsync(german);
            Assert.Equal(HttpStatusCode.Gone, expiredDe.StatusCode);
            Assert.Contains("Dieser Link ist abgelaufen", await expiredDe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var json = await anonymous.GetAsync(new Uri($"/v1/{link.RelativeUrl}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, json.StatusCode);
        Assert.Equal("This progress link has expired; ask for a new one.", (string)(await json.Content.ReadFromJsonAsync<JsonObject>())!["message"]!);
    }
}
