namespace Workflows.Core.Flows.Engine;

/// <summary>Decides a decision by hand (the spec's <c>next_condition_id</c>).</summary>
public sealed record ChooseDecisionBranch(string TaskId, string ConditionId) : FlowCommand;
