namespace Workflows.Core.Flows.Validation;

/// <summary>One thing wrong with a template: a message naming the item, and the item's id (null for the workflow itself).</summary>
public sealed record ValidationProblem(string Message, ValidationItemKind Kind, string? ItemId);
