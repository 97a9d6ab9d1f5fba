using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Identity;

namespace Workflows.Core.Flows.Executions;

/// <summary>A change to an execution about to be saved: add rows to <see cref="Db"/> to save them with it.</summary>
public sealed record FlowCommit(WorkflowsDbContext Db, FlowExecution Execution, IReadOnlyList<FlowEvent> Events, EntityRecord? Primary, Actor Actor);
