using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows;

/// <summary>
/// The one set of serializer options for templates, executions and events: snake_case as the
/// epilot specs spell it (the few camelCase names carry their own attribute), enums as strings,
/// nulls left out so a payload round-trips without gaining properties.
/// </summary>
public static class FlowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new UtcInstantJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
