using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Identity;

namespace Workflows.Web.Components.Builder;

/// <summary>What the builder's pickers offer: people and partners to assign, record schemas and the closing-reason catalogue.</summary>
public sealed record BuilderLookups(
    IReadOnlyList<Person> People,
    IReadOnlyList<Partner> Partners,
    IReadOnlyList<EntitySchema> Schemas,
    IReadOnlyList<ClosingReason> ClosingReasons)
{
    public static BuilderLookups Empty { get; } = new([], [], [], []);

    public EntitySchema? Schema(string? slug) => Schemas.FirstOrDefault(s => s.Slug == slug);

    /// <summary>The schema of the records a template starts on, whose attributes decisions test.</summary>
    public EntitySchema? TriggerSchema(FlowTemplate template) =>
        Schema(template.Trigger?.EntitySchema ?? template.AdditionalTriggers?.FirstOrDefault(t => t.EntitySchema is not null)?.EntitySchema);
}
