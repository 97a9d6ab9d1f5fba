using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Journeys;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// Journeys over the API (<c>/v1/journeys</c>): build and replace them as a builder, share a one-time link as the
/// sidebar does (a partner only for a task of theirs), and list what was submitted on a record.
/// </summary>
public sealed class JourneysApiTests(JourneysApiTests.App app) : IClassFixture<JourneysApiTests.App>, IAsyncLifetime
{
    private HttpClient builder = default!;
    private HttpClient caseWorker = default!;
    private HttpClient partner = default!;
    private string executionId = "";

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        partner = await ApiClients.ForAsync(app, "partner@solartech.demo");
        var template = SolarTemplate("Journey job");
        template["tasks"]![0]!["journey"] = new JsonObject { ["journeyId"] = "journey-site-survey", ["name"] = "Site survey" };
        var templateId = (string)(await CreateTemplateAsync(builder, template))["id"]!;
        executionId = (string)(await StartAsync(caseWorker, templateId, "opportunity-010"))["id"]!;
    }

    public Task DisposeAsync()
    {
        builder.Dispose();
        caseWorker.Dispose();
        partner.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_builder_creates_reads_replaces_and_deletes_a_journey_with_version_checks()
    {
        using var created = await builder.PostAsJsonAsync("/v1/journeys", Journey("roof-check", "Roof check"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        using var again = await builder.PostAsJsonAsync("/v1/journeys", Journey("roof-check", "Roof check"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using (var replaced = await PutAsync("roof-check", Journey(null, "Roof check, short"), "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
            Assert.Equal(2, (int)(await replaced.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        }

        using (var stale = await PutAsync("roof-check", Journey(null, "Someone else's"), "\"1\""))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var read = await GetAsync(builder, "/v1/journeys/roof-check");
        Assert.Equal("Roof check, short", (string)read["name"]!);
        Assert.Equal("number", (string)read["steps"]![0]!["fields"]![0]!["kind"]!);
        var list = await GetAsync(builder, "/v1/journeys");
        Assert.Contains(list["results"]!.AsArray(), j => (string?)j!["id"] == "roof-check");

        using (var deleted = await builder.DeleteAsync(new Uri("/v1/journeys/roof-check", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await builder.GetAsync(new Uri("/v1/journeys/roof-check", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_shared_link_opens_the_journey_and_its_submission_is_listed_on_the_record()
    {
        using (var created = await builder.PostAsJsonAsync("/v1/journeys", Journey("roof-size", "Roof size")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var shared = await caseWorker.PostAsJsonAsync("/v1/journeys/roof-size/links", new { entity_id = "opportunity-011", valid_for_days = 3 });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var link = (await shared.Content.ReadFromJsonAsync<JsonObject>())!;
        var url = new Uri((string)link["url"]!);
        Assert.StartsWith("/j/", url.AbsolutePath, StringComparison.Ordinal);
        using var page = await app.CreateClient().GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var submitted = await app.Services.GetRequiredService<JourneyLinkService>()
            .SubmitLinkAsync((string)link["token"]!, new JsonObject { ["roof_size_m2"] = 42 }, CancellationToken.None);
        Assert.True(submitted.Succeeded, submitted.Error);
        var submissions = await GetAsync(caseWorker, "/v1/journeys/submissions?entity_id=opportunity-011");
        var submission = submissions["results"]!.AsArray().Single(s => (string?)s!["journey_id"] == "roof-size")!;
        Assert.Equal(42, (int)submission["values"]!["roof_size_m2"]!);
    }

    [Fact]
    public async Task A_partner_shares_a_journey_only_for_a_task_of_theirs()
    {
        using var own = await partner.PostAsJsonAsync("/v1/journeys/journey-site-survey/links",
            new { entity_id = "opportunity-010", execution_id = executionId, task_id = "docs" });
        using var notTheirs = await partner.PostAsJsonAsync("/v1/journeys/journey-site-survey/links",
            new { entity_id = "opportunity-010", execution_id = executionId, task_id = "offer" });
        using var noTask = await partner.PostAsJsonAsync("/v1/journeys/journey-site-survey/links", new { entity_id = "opportunity-010" });
        using var build = await partner.GetAsync(new Uri("/v1/journeys", UriKind.Relative));

        Assert.True(own.StatusCode == HttpStatusCode.Created, await MessageOf(own));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noTask.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, build.StatusCode);
    }

    [Fact]
    public async Task Mistakes_are_refused_with_a_message_and_change_nothing()
    {
        using var unknownField = await builder.PostAsJsonAsync("/v1/journeys", Journey("bad-field", "Bad", attribute: "no_such_attribute"));
        using var noSteps = await builder.PostAsJsonAsync("/v1/journeys", new { name = "No steps", schema = "opportunity" });
        using var tooLong = await caseWorker.PostAsJsonAsync("/v1/journeys/journey-site-survey/links", new { entity_id = "opportunity-010", valid_for_days = 1000 });
        using var noRecord = await caseWorker.PostAsJsonAsync("/v1/journeys/journey-site-survey/links", new { entity_id = "opportunity-999" });
        using var noEntity = await caseWorker.GetAsync(new Uri("/v1/journeys/submissions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("no_such_attribute", await MessageOf(unknownField), StringComparison.Ordinal);
        Assert.Equal("A journey needs a 'name', the record 'schema' it writes and its 'steps'.", await MessageOf(noSteps));
        Assert.StartsWith("'valid_for_days'", await MessageOf(tooLong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noRecord.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEntity.StatusCode);
        using var missing = await builder.GetAsync(new Uri("/v1/journeys/bad-field", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static JsonObject Journey(string? id, string name, string attribute = "roof_size_m2")
    {
        var journey = new JsonObject
        {
            ["name"] = name,
            ["schema"] = "opportunity",
            ["steps"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "roof",
                    ["title"] = "Roof",
                    ["fields"] = new JsonArray { new JsonObject { ["attribute"] = attribute, ["kind"] = "number", ["label"] = "Roof area (m²)", ["required"] = true } },
                },
            },
        };
        if (id is not null)
        {
            journey["id"] = id;
        }

        return journey;
    }

    private Task<HttpResponseMessage> PutAsync(string id, JsonObject body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/journeys/{id}", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return builder.SendAsync(request);
    }
}
