namespace Workflows.Core.Flows.Templates;

/// <summary>What happened to an item between two versions of a template.</summary>
public enum TemplateChangeKind
{
    Added,
    Removed,
    Renamed,
    Changed,
}
