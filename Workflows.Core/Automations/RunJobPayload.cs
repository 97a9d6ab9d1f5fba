namespace Workflows.Core.Automations;

/// <summary>The payload of an <c>automation-run</c> job.</summary>
internal sealed record RunJobPayload(string RunId);
