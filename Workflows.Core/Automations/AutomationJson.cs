using System.Text.Json;
using Workflows.Core.Jobs;

namespace Workflows.Core.Automations;

/// <summary>How automations, runs and their job payloads are stored: the way every job payload is (<see cref="JobJson"/>).</summary>
public static class AutomationJson
{
    public static JsonSerializerOptions Options => JobJson.Options;

    public static string Serialize<T>(T value) => JobJson.Serialize(value);

    public static T Deserialize<T>(string json) => JobJson.Deserialize<T>(json);
}
