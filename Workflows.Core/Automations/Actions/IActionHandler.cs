namespace Workflows.Core.Automations.Actions;

/// <summary>Carries out one kind of action; returns what it did, in words, for the run's log.</summary>
public interface IActionHandler
{
    AutomationActionType Type { get; }

    Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken);
}
