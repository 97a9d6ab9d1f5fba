using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// The customer's progress over the API and as a page: a template's customer visibility round-trips, staff create a
/// signed link, anyone holding it reads the progress (JSON or the page) without an account, and a bad or expired link is
/// a friendly 404 (an expired one: <see cref="ProgressLinkExpiryTests"/>).
/// </summary>
public sealed class ProgressApiTests(ProgressApiTests.App app) : IClassFixture<ProgressApiTests.App>, IAsyncLifetime
{
    private HttpClient builder = default!;
    private HttpClient caseWorker = default!;
    private HttpClient partner = default!;
    private HttpClient anonymous = default!;
    private string executionId = "";

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        partner = await ApiClients.ForAsync(app, "partner@solartech.demo");
        anonymous = app.CreateClient();
        var created = await CreateTemplateAsync(builder, VisibleTemplate());
        executionId = (string)(await StartAsync(caseWorker, (string)created["id"]!, "opportunity-010"))["id"]!;
    }

    public Task DisposeAsync()
    {
        builder.Dispose();
        caseWorker.Dispose();
        partner.Dispose();
        anonymous.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The API's solar template with phase p1 shown as "Getting started", "docs" as "Documents received" and "install" under its name.</summary>
    private static JsonObject VisibleTemplate()
    {
        var template = SolarTemplate("Internal pipeline X");
        template["ecp"] = new JsonObject { ["label"] = "Your roof project" };
        template["phases"]![0]!["ecp"] = new JsonObject { ["enabled"] = true, ["label"] = "Getting started" };
        var tasks = template["tasks"]!.AsArray();
        tasks.First(t => (string)t!["id"]! == "docs")!["ecp"] = new JsonObject { ["enabled"] = true, ["label"] = "Documents received", ["journey"] = new JsonObject { ["id"] = "kept" } };
        tasks.First(t => (string)t!["id"]! == "install")!["ecp"] = new JsonObject { ["enabled"] = true };
        return template;
    }

    private async Task<JsonObject> CreateLinkAsync(HttpClient client, int? days = 7)
    {
        using var response = await client.PostAsJsonAsync($"/v1/flows/executions/{executionId}/progress-link", new JsonObject { ["valid_for_days"] = days });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Customer_visibility_round_trips_on_the_template_and_reaches_the_execution()
    {
        var saved = await CreateTemplateAsync(builder, VisibleTemplate());
        using var read = await builder.GetAsync(new Uri($"/v2/flows/templates/{saved["id"]}", UriKind.Relative));
        var template = (await read.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("Your roof project", (string)template["ecp"]!["label"]!);
        Assert.Equal("Getting started", (string)template["phases"]![0]!["ecp"]!["label"]!);
        var docs = template["tasks"]!.AsArray().First(t => (string)t!["id"]! == "docs")!;
        Assert.True((bool)docs["ecp"]!["enabled"]!);
        Assert.Equal("kept", (string)docs["ecp"]!["journey"]!["id"]!);

        using var execution = await caseWorker.GetAsync(new Uri($"/v2/flows/executions/{executionId}", UriKind.Relative));
        var run = (await execution.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Documents received", (string)run["tasks"]!.AsArray().First(t => (string)t!["id"]! == "docs")!["ecp"]!["label"]!);
    }

    [Fact]
    public async Task A_case_worker_creates_a_link_and_anyone_holding_it_reads_the_progress_without_internal_data()
    {
        var link = await CreateLinkAsync(caseWorker);
        var token = (string)link["token"]!;
        Assert.Equal($"http://localhost/progress/{Uri.EscapeDataString(token)}", (string)link["url"]!);
        Assert.InRange(DateTimeOffset.Parse((string)link["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(7).AddSeconds(1));

        using var response = await anonymous.GetAsync(new Uri($"/v1/progress/{Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("noindex, nofollow", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        var text = await response.Content.ReadAsStringAsync();
        var progress = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("Your roof project", (string)progress["title"]!);
        Assert.Equal("Getting started", (string)progress["phases"]![0]!["name"]!);
        Assert.Equal("Documents received", (string)progress["next"]!);
        foreach (var internalText in new[] { "Internal pipeline X", "Check documents", "Send offer", "Preparation", "Approved?", "partner", "office-team", executionId })
        {
            Assert.DoesNotContain(internalText, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_page_answers_200_with_noindex_and_a_forged_link_answers_404_with_a_friendly_page()
    {
        var token = (string)(await CreateLinkAsync(caseWorker, 1))["token"]!;
        var page = new Uri($"/progress/{Uri.EscapeDataString(token)}", UriKind.Relative);

        using (var ok = await anonymous.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var html = await ok.Content.ReadAsStringAsync();
            Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\"", html, StringComparison.Ordinal);
            Assert.Contains("Your roof project", html, StringComparison.Ordinal);
            Assert.Equal("no-referrer", string.Join(",", ok.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("default-src 'self'", string.Join(",", ok.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }

        using (var forged = await anonymous.GetAsync(new Uri("/progress/CfDJ8forged", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
            var html = await forged.Content.ReadAsStringAsync();
            Assert.Contains("This link does not work", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }

        using (var forgedJson = await anonymous.GetAsync(new Uri("/v1/progress/CfDJ8forged", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, forgedJson.StatusCode);
            Assert.Equal("There is no progress page at this link.", (string)(await forgedJson.Content.ReadFromJsonAsync<JsonObject>())!["message"]!);
        }

    }

    [Fact]
    public async Task Creating_a_link_is_refused_for_a_bad_expiry_an_unknown_workflow_a_partner_and_a_stranger()
    {
        using var tooLong = await caseWorker.PostAsJsonAsync($"/v1/flows/executions/{executionId}/progress-link", new { valid_for_days = 365 });
        using var unknown = await caseWorker.PostAsJsonAsync("/v1/flows/executions/wf-none/progress-link", new { valid_for_days = 7 });
        using var byPartner = await partner.PostAsJsonAsync($"/v1/flows/executions/{executionId}/progress-link", new { valid_for_days = 7 });
        using var byStranger = await anonymous.PostAsJsonAsync($"/v1/flows/executions/{executionId}/progress-link", new { valid_for_days = 7 });
        using var unknownField = await caseWorker.PostAsJsonAsync($"/v1/flows/executions/{executionId}/progress-link", new { days = 7 });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("1 to 90 days", (string)(await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["message"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
    }

    [Fact]
    public async Task Withdrawing_a_workflows_links_stops_every_link_issued_so_far_and_later_links_work()
    {
        var before = (string)(await CreateLinkAsync(caseWorker))["token"]!;
        using (var withdrawn = await caseWorker.DeleteAsync(new Uri($"/v1/flows/executions/{executionId}/progress-link", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
            Assert.NotNull((string?)(await withdrawn.Content.ReadFromJsonAsync<JsonObject>())!["revoked_at"]);
        }

        var after = (string)(await CreateLinkAsync(caseWorker))["token"]!;

        using (var old = await anonymous.GetAsync(new Uri($"/v1/progress/{Uri.EscapeDataString(before)}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
            Assert.Equal("This progress link was withdrawn; ask for a new one.", (string)(await old.Content.ReadFromJsonAsync<JsonObject>())!["message"]!);
        }

        using (var oldPage = await anonymous.GetAsync(new Uri($"/progress/{Uri.EscapeDataString(before)}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Gone, oldPage.StatusCode);
            Assert.Contains("This link was withdrawn", await oldPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fresh = await anonymous.GetAsync(new Uri($"/v1/progress/{Uri.EscapeDataString(after)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Withdrawing_links_is_refused_for_a_partner_a_stranger_and_an_unknown_workflow()
    {
        var token = (string)(await CreateLinkAsync(caseWorker))["token"]!;
        using var byPartner = await partner.DeleteAsync(new Uri($"/v1/flows/executions/{executionId}/progress-link", UriKind.Relative));
        using var byStranger = await anonymous.DeleteAsync(new Uri($"/v1/flows/executions/{executionId}/progress-link", UriKind.Relative));
        using var unknown = await caseWorker.DeleteAsync(new Uri("/v1/flows/executions/wf-none/progress-link", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var still = await anonymous.GetAsync(new Uri($"/v1/progress/{Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }
}
