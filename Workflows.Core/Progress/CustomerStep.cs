namespace Workflows.Core.Progress;

/// <summary>A task the customer sees, under its customer-facing name.</summary>
public sealed record CustomerStep(string Name, string? Description, CustomerStepState State);
