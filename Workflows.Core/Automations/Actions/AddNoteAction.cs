using Workflows.Core.Notes;

namespace Workflows.Core.Automations.Actions;

/// <summary>Adds a templated note: on the task that ran the automation, else on the record.</summary>
internal sealed class AddNoteAction(NoteService notes) : IActionHandler
{
    public AutomationActionType Type => AutomationActionType.AddNote;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        var record = context.Scope.Entity ?? throw new ActionFailedException("This run has no record to add the note to.");
        var body = ValueTemplate.Render(action.Body, context.Scope).Trim();
        if (body.Length == 0)
        {
            throw new ActionFailedException("The note is empty.");
        }

        var target = new NoteTarget(record.Id, context.Run.ExecutionId, context.Run.TaskId);
        var added = await notes.AddAsync(target, body, null, context.Actor, $"/entities/{record.Schema}/{record.Id}", cancellationToken);
        if (!added.Succeeded)
        {
            throw new ActionFailedException(added.Error!);
        }

        return context.Run.TaskId is null ? $"Note added to {record.Title}." : $"Note added to task \"{context.Scope.Task?.Name}\".";
    }
}
