namespace Workflows.Web.Components.Entities;

/// <summary>
/// Names the resources (<c>EntityText.resx</c>, <c>EntityText.de.resx</c>) that hold the texts of the record pages:
/// record types, records list, record form and its fields.
/// </summary>
public sealed class EntityText;
