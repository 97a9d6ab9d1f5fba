using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflows.Tests.Api;

/// <summary>
/// Test data and calls for the workflow API, as JSON the way an integrator sends it. The solar template: "Check
/// documents" (assigned to SolarTech) → "Send offer" (requires it) → manual decision "Approved?" → "Install" (yes) or
/// "Send rejection" (no); closed with exactly one reason.
/// </summary>
internal static class FlowApi
{
    public const string SolarPartner = "partner-solartech";

    public static JsonObject SolarTemplate(string? name = null) => new()
    {
        ["name"] = name ?? "Solar check " + Guid.NewGuid().ToString("N")[..6],
        ["description"] = "Checks and installs a solar roof.",
        ["trigger"] = new JsonObject { ["type"] = "manual", ["entity_schema"] = "opportunity" },
        ["phases"] = new JsonArray
        {
            new JsonObject { ["id"] = "p1", ["name"] = "Preparation" },
            new JsonObject { ["id"] = "p2", ["name"] = "Installation" },
        },
        ["tasks"] = new JsonArray
        {
            ManualTask("docs", "Check documents", "p1", assignedTo: SolarPartner),
            ManualTask("offer", "Send offer", "p1", requires: "docs", assignedTo: "office-team"),
            new JsonObject
            {
                ["id"] = "approve",
                ["name"] = "Approved?",
                ["task_type"] = "DECISION",
                ["phase_id"] = "p2",
                ["trigger_mode"] = "manual",
                ["conditions"] = new JsonArray
                {
                    new JsonObject { ["id"] = "yes", ["branch_name"] = "Yes", ["logical_operator"] = "AND", ["statements"] = new JsonArray() },
                    new JsonObject { ["id"] = "no", ["branch_name"] = "No", ["logical_operator"] = "AND", ["statements"] = new JsonArray() },
                },
            },
            ManualTask("install", "Install", "p2", assignedTo: SolarPartner),
            ManualTask("reject", "Send rejection", "p2"),
        },
        ["edges"] = new JsonArray
        {
            Edge("e1", "docs", "offer"),
            Edge("e2", "offer", "approve"),
            Edge("e3", "approve", "install", "yes"),
            Edge("e4", "approve", "reject", "no"),
        },
        ["closing_reasons"] = new JsonArray { new JsonObject { ["id"] = "cr-customer-cancelled" }, new JsonObject { ["id"] = "cr-duplicate" } },
        ["singleClosingReasonSelection"] = true,
    };

    /// <summary>The solar template plus a standalone automation task (the demo's offer e-mail) that waits for a person to run it.</summary>
    public static JsonObject WithAutomation(this JsonObject template, string id = "notify", string mode = "manual")
    {
        template["tasks"]!.AsArray().Add(new JsonObject
        {
            ["id"] = id,
            ["name"] = "Notify customer",
            ["task_type"] = "AUTOMATION",
            ["automation_config"] = new JsonObject { ["flow_id"] = Workflows.Core.Demo.DemoAutomations.SendOfferEmail },
            ["trigger_mode"] = mode,
        });
        return template;
    }

    public static JsonObject ManualTask(string id, string name, string phase, string? requires = null, string? assignedTo = null)
    {
        var task = new JsonObject { ["id"] = id, ["name"] = name, ["task_type"] = "MANUAL", ["phase_id"] = phase };
        if (requires is not null)
        {
            task["requirements"] = new JsonArray { new JsonObject { ["task_id"] = requires, ["when"] = "TASK_FINISHED" } };
        }

        if (assignedTo is not null)
        {
            task["assigned_to"] = new JsonArray { assignedTo };
        }

        return task;
    }

    public static JsonObject Edge(string id, string from, string to, string? condition = null)
    {
        var edge = new JsonObject { ["id"] = id, ["from_id"] = from, ["to_id"] = to };
        if (condition is not null)
        {
            edge["condition_id"] = condition;
        }

        return edge;
    }

    public static async Task<JsonObject> CreateTemplateAsync(HttpClient builder, JsonObject? template = null)
    {
        using var response = await builder.PostAsJsonAsync("/v2/flows/templates", template ?? SolarTemplate());
        return await OkAsync(response);
    }

    public static async Task<JsonObject> StartAsync(HttpClient client, string templateId, string entityId = "opportunity-001")
    {
        using var response = await client.PostAsJsonAsync("/v2/flows/executions", new JsonObject
        {
            ["flow_template_id"] = templateId,
            ["contexts"] = new JsonArray { new JsonObject { ["entity_id"] = entityId, ["entity_schema"] = "opportunity" } },
        });
        return await OkAsync(response);
    }

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, JsonNode body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonObject> PatchTaskAsync(HttpClient client, string executionId, string taskId, JsonObject body)
    {
        using var response = await PatchAsync(client, $"/v2/flows/executions/{executionId}/tasks/{taskId}", body);
        return await OkAsync(response);
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await OkAsync(response);
    }

    public static JsonObject TaskOf(JsonObject execution, string taskId) =>
        execution["tasks"]!.AsArray().Single(t => (string?)t!["id"] == taskId)!.AsObject();

    public static string StatusOf(JsonObject execution, string taskId) => (string)TaskOf(execution, taskId)["status"]!;

    /// <summary>A <c>tasks:search</c> that must succeed, and the task ids of its page.</summary>
    public static async Task<JsonObject> SearchTasksAsync(HttpClient client, JsonObject query)
    {
        using var response = await client.PostAsJsonAsync("/v2/flows/tasks:search", query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static IEnumerable<string> TaskIds(JsonObject found) => found["results"]!.AsArray().Select(r => (string)r!["task_id"]!);

    public static async Task<string> MessageOf(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())?["message"] ?? "";

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
