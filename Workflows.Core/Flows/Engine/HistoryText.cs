namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Names the resources (<c>HistoryText.resx</c>, <c>HistoryText.de.resx</c>) that hold the sentences of a workflow's
/// history, one composite format per <see cref="HistoryLine.Key"/>.
/// </summary>
public sealed class HistoryText;
