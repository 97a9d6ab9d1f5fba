namespace Workflows.Core.Flows.Templates;

/// <summary>One difference between two versions of a template, described for a person.</summary>
public sealed record TemplateChange(TemplateChangeArea Area, TemplateChangeKind Kind, string Description);
