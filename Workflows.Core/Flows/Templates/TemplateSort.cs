namespace Workflows.Core.Flows.Templates;

/// <summary>The order of a template list: last change (the API's default), creation, or name (the builder's).</summary>
public enum TemplateSort
{
    Updated,
    Created,
    Name,
}
