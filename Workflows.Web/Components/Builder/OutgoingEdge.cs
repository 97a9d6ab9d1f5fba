using Workflows.Core.Flows.Templates;


namespace Workflows.Web.Components.Builder;

/// <summary>An edge leaving a decision, with the name of the task it leads to, for mapping it to a branch.</summary>
public sealed record OutgoingEdge(FlowEdge Edge, string TargetName);
