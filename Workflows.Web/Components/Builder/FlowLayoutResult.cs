namespace Workflows.Web.Components.Builder;

/// <summary>Where <see cref="FlowLayout"/> puts each task, and each phase that has no task to frame.</summary>
public sealed record FlowLayoutResult(
    IReadOnlyDictionary<string, (double X, double Y)> Tasks,
    IReadOnlyDictionary<string, (double X, double Y)> EmptyPhases);
