namespace Workflows.Core.Flows.Templates;

/// <summary>One entry of a template's version history.</summary>
public sealed record FlowTemplateVersionInfo(int Revision, string Name, DateTimeOffset SavedAt, string? SavedBy, string? Note);
