namespace Workflows.Core.Progress;

/// <summary>Where a phase or task stands, in the customer's words: finished, being worked on, or still to come.</summary>
public enum CustomerStepState
{
    Upcoming,
    InProgress,
    Done,
}
