using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// One entry of <c>assigned_to</c>: a plain id (user, group or partner; opaque to the engine) or a
/// variable such as <c>{{entity.owner}}</c> whose <see cref="Value"/> the engine fills in at start.
/// JSON is a string for an id and <c>{"variable": ..., "value": [...]}</c> for a variable.
/// </summary>
[JsonConverter(typeof(AssigneeJsonConverter))]
public sealed record Assignee
{
    public string? Id { get; init; }

    public string? Variable { get; init; }

    public IReadOnlyList<string>? Value { get; init; }

    [JsonIgnore]
    public bool IsVariable => Variable is not null;

    public static Assignee Of(string id) => new() { Id = id };

    public static Assignee FromVariable(string variable) => new() { Variable = variable };

    /// <summary>The ids this entry stands for: the id itself, or the resolved values of a variable.</summary>
    public IEnumerable<string> Ids() => Id is not null ? [Id] : Value ?? [];
}
