using Workflows.Core.Identity;

namespace Workflows.Core.Automations.Actions;

/// <summary>Everything an action needs: the run, the values its templates see, and who it acts as.</summary>
public sealed record ActionContext(AutomationRun Run, TemplateScope Scope, Actor Actor)
{
    /// <summary>How deep the workflow that caused this run is in a chain of automations (0 for a workflow started by hand).</summary>
    public int ChainDepth { get; init; }
}
