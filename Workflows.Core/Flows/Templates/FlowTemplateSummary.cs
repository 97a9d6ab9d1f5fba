namespace Workflows.Core.Flows.Templates;

/// <summary>A template as the builder's list shows it; <paramref name="Labels"/> are its <c>taxonomies</c>.</summary>
public sealed record FlowTemplateSummary(
    string Id, string Name, string? Description, bool Enabled, int Revision, string? ManualSchema,
    bool AutomationTriggered, int TaskCount, DateTimeOffset UpdatedAt, string? UpdatedBy, int RunningCount,
    IReadOnlyList<string> Labels);
