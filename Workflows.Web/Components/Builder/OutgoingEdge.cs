using Workflows.Core.Flows.Templates;


namespace Workflows.Web.Components.Builder;

/// <summary>An edge leaving a task, with the name of the task it leads to: the panel's "Leads to" and a decision's branch mapping.</summary>
public sealed record OutgoingEdge(FlowEdge Edge, string TargetName);
