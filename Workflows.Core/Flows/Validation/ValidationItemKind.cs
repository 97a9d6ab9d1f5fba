using Workflows.Core.ClosingReasons;

namespace Workflows.Core.Flows.Validation;

/// <summary>What kind of item a validation problem points at, so the builder can select it.</summary>
public enum ValidationItemKind
{
    Workflow,
    Phase,
    Task,
    Edge,
    ClosingReason,
}
