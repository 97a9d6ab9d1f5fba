using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// What a bulk bar offers for a selection: per task command, how many of the selected tasks the engine accepts it for now,
/// and whether the user may assign and set due dates at all.
/// </summary>
public sealed record BulkOffer(IReadOnlyDictionary<TaskCommandKind, int> Accepting, bool MayManage)
{
    /// <summary>Whether at least one selected task would take the command; the others fail on their own, with their reason.</summary>
    public bool Offers(TaskCommandKind kind) => Accepting.GetValueOrDefault(kind) > 0;
}
