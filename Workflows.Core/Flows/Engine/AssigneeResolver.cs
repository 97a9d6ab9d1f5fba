using System.Text.Json.Nodes;
using System.Text.Json;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>Fills in the values of <c>{{entity.&lt;attr&gt;}}</c> and <c>{{workflow.started_by}}</c> assignees.</summary>
internal static class AssigneeResolver
{
    public static List<Assignee>? Resolve(IEnumerable<Assignee>? assignees, IReadOnlyDictionary<string, JsonNode?> facts, string? startedBy) =>
        assignees?.Select(a => a.IsVariable ? a with { Value = ResolveVariable(a.Variable!, facts, startedBy) } : a).ToList();

    public static List<string> ResolveVariable(string variable, IReadOnlyDictionary<string, JsonNode?> facts, string? startedBy)
    {
        var expression = variable.Trim().TrimStart('{').TrimEnd('}').Trim();
        if (expression == "workflow.started_by")
        {
            return startedBy is null ? [] : [startedBy];
        }

        if (!expression.StartsWith("entity.", StringComparison.Ordinal))
        {
            return [];
        }

        var path = expression["entity.".Length..].Split('.');
        if (!facts.TryGetValue(path[0], out var node))
        {
            return [];
        }

        foreach (var part in path.Skip(1))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        var ids = new List<string>();
        Collect(node, ids);
        return ids;
    }

    private static void Collect(JsonNode? node, List<string> ids)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, ids);
                }

                break;
            case JsonObject obj:
                Collect(obj["id"] ?? obj["user_id"] ?? obj["entity_id"], ids);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                ids.Add(value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                ids.Add(value.ToJsonString());
                break;
            default:
                break;
        }

    }
}
