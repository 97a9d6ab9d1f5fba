namespace Workflows.Core.Flows.Templates;

/// <summary>
/// The record attributes a workflow writes (its <c>entity_sync</c> and <c>update_entity_attributes</c> rules): the record
/// form shows them read-only, since a person's edit would be overwritten by the workflow's next change.
/// </summary>
public static class WrittenAttributes
{
    public static IEnumerable<string> Of(
        string schema, IEnumerable<EntitySync>? entitySync, IEnumerable<UpdateEntityAttributes>? updates) =>
        (entitySync ?? []).Select(rule => rule.Target)
            .Concat((updates ?? []).Select(rule => rule.Target))
            .Where(target => target.EntitySchema == schema)
            .Select(target => target.EntityAttribute)
            .Distinct(StringComparer.Ordinal);
}
