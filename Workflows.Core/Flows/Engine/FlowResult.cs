using System.Diagnostics.CodeAnalysis;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// What a command did: the execution after it, the events it raised in order, and the ids of the
/// tasks whose row changed (status, enabled, due date, assignees, current or not), so a store can
/// write only those. On failure only <see cref="Error"/> is set and the execution is untouched.
/// </summary>
public sealed class FlowResult
{
    private FlowResult(FlowExecution? execution, IReadOnlyList<FlowEvent> events, IReadOnlySet<string> changedTaskIds, FlowError? error)
    {
        Execution = execution;
        Events = events;
        ChangedTaskIds = changedTaskIds;
        Error = error;
    }

    public FlowExecution? Execution { get; }

    public IReadOnlyList<FlowEvent> Events { get; }

    public IReadOnlySet<string> ChangedTaskIds { get; }

    public FlowError? Error { get; }

    [MemberNotNullWhen(true, nameof(Execution))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    internal static FlowResult Ok(FlowExecution execution, IReadOnlyList<FlowEvent> events, IReadOnlySet<string> changedTaskIds) =>
        new(execution, events, changedTaskIds, null);

    internal static FlowResult Fail(FlowError error) => new(null, [], new HashSet<string>(), error);
}
