using System.Text.Json.Nodes;
using Workflows.Core.Entities;

namespace Workflows.Core.Automations.Actions;

/// <summary>Writes static or templated values into attributes of the trigger's record, validated by its schema.</summary>
internal sealed class UpdateEntityAction(EntityService entities) : IActionHandler
{
    public AutomationActionType Type => AutomationActionType.UpdateEntity;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        var record = context.Scope.Entity ?? throw new ActionFailedException("This run has no record to update.");
        var assignments = action.Assignments ?? [];
        if (assignments.Count == 0)
        {
            throw new ActionFailedException("The action names no attribute to update.");
        }

        var values = new JsonObject();
        foreach (var assignment in assignments)
        {
            values[assignment.Attribute] = ValueTemplate.RenderValue(assignment.Value, context.Scope);
        }

        var updated = await entities.UpdateAsync(record.Schema, record.Id, values, expectedVersion: null, replace: false, context.Actor, cancellationToken);
        if (!updated.Succeeded)
        {
            throw new ActionFailedException(updated.Error!, transient: updated.Refusal.Kind == RefusalKind.Conflict);
        }

        return $"{record.Title}: " + string.Join(", ", assignments.Select(a => $"{a.Attribute} = {Shown(values[a.Attribute])}"));
    }

    private static string Shown(JsonNode? value) => value is null ? "(empty)" : value.ToJsonString();
}
