namespace Workflows.Core.Flows.Templates;

/// <summary>One page of templates and how many match in all.</summary>
public sealed record TemplatePage(int Total, IReadOnlyList<FlowTemplate> Items);
