namespace Workflows.Core.Flows.Templates;

/// <summary>Which part of a template a <see cref="TemplateChange"/> is about.</summary>
public enum TemplateChangeArea
{
    Settings,
    Phase,
    Task,
    Connection,
}
