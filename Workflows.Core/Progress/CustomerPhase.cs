namespace Workflows.Core.Progress;

/// <summary>
/// A block of the progress page: a visible phase with its visible tasks, or (with no <see cref="Name"/>) visible tasks
/// whose phase the customer does not see.
/// </summary>
public sealed record CustomerPhase(string? Name, string? Description, CustomerStepState State, IReadOnlyList<CustomerStep> Steps);
