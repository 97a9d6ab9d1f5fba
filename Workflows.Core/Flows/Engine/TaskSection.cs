using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>One block of a workflow's task list: the tasks of <see cref="Phase"/>, or a run of tasks outside any phase.</summary>
public sealed record TaskSection(ExecutionPhase? Phase, IReadOnlyList<ExecutionTask> Tasks);
