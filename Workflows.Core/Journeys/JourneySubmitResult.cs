namespace Workflows.Core.Journeys;

/// <summary>What a submission did: the stored submission, whether it completed its task, and the workflows it started.</summary>
public sealed record JourneySubmitResult(JourneySubmission Submission, bool TaskCompleted, IReadOnlyList<string> StartedWorkflows, IReadOnlyList<string> StartProblems);
