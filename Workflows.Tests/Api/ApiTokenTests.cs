using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

public sealed class ApiTokenTests(ApiTokenTests.App app) : IClassFixture<ApiTokenTests.App>
{
    public const string Bootstrap = "bootstrap-token-for-tests-0123456789";

    public sealed class App : WorkflowsAppFactory
    {
        public App()
        {
            Settings["Api:BootstrapToken"] = Bootstrap;
            Settings["Api:RateLimitPerSecond"] = "5";
        }
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_with_a_message()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_gets_401()
    {
        using var client = ApiClients.WithToken(app, "wf_not-a-real-token");

        using var response = await client.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_token_acts_as_an_admin()
    {
        using var client = ApiClients.WithToken(app, Bootstrap);

        using var response = await client.PutAsJsonAsync("/v1/entity/schemas/ticket", new
        {
            name = "Ticket",
            title_template = "{{subject}}",
            attributes = new object[] { new { name = "subject", label = "Subject", type = "string" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var token = await ApiClients.CreateTokenAsync(app, "manager@workflows.demo");
        using var client = ApiClients.WithToken(app, token);
        using (var before = await client.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            var id = (await tokens.ListAsync(null, CancellationToken.None)).First(t => token.StartsWith(t.Prefix, StringComparison.Ordinal)).Id;
            Assert.True((await tokens.RevokeAsync(id, null, CancellationToken.None)).Succeeded);
        }

        using var after = await client.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        string userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("manager@workflows.demo"))!.Id;
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            db.ApiTokens.Add(new ApiToken
            {
                Id = Guid.NewGuid().ToString(),
                UserId = userId,
                Name = "expired",
                Prefix = "wf_expired",
                Hash = ApiTokenService.HashOf("wf_expired-token"),
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-10),
                ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            });
            await db.SaveChangesAsync();
        }

        using var client = ApiClients.WithToken(app, "wf_expired-token");
        using var response = await client.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_that_sends_too_many_requests_gets_429_with_Retry_After()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 30; i++)
        {
            var response = await client.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(refused);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 2);
        Assert.Equal("10", refused.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("0", refused.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Contains("Retry-After", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_and_its_reference_page_are_served()
    {
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        using var page = await client.GetAsync(new Uri("/api-reference", UriKind.Relative));

        Assert.NotNull(document!["paths"]!["/v1/entity/{slug}/{id}"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
