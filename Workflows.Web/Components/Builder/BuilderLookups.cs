using Workflows.Core.Automations;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// What the builder's pickers offer: people and partners to assign, record schemas, the closing-reason catalogue,
/// the automations and journeys tasks and triggers name, and the labels in use.
/// </summary>
public sealed record BuilderLookups(
    IReadOnlyList<Person> People,
    IReadOnlyList<Partner> Partners,
    IReadOnlyList<EntitySchema> Schemas,
    IReadOnlyList<ClosingReason> ClosingReasons)
{
    public static BuilderLookups Empty { get; } = new([], [], [], []);

    public IReadOnlyList<Automation> Automations { get; init; } = [];

    public IReadOnlyList<JourneySummary> Journeys { get; init; } = [];

    /// <summary>The labels templates already carry, offered first when labelling this one.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The teams a task or phase can be assigned to.</summary>
    public IReadOnlyList<Core.Teams.TeamSummary> Teams { get; init; } = [];

    /// <summary>Automations by name, each with its description; one the system or a person switched off says so first.</summary>
    public IReadOnlyList<ReferenceChoice> AutomationChoices =>
        [.. Automations.Select(a => new ReferenceChoice(a.Id, a.Name, a.Enabled ? a.Description : Languages.Text<BuilderText>("SwitchedOff", a.Description ?? "").Trim()))];

    /// <summary>Journeys by name, each with the type of record it writes and its size.</summary>
    public IReadOnlyList<ReferenceChoice> JourneyChoices =>
        [.. Journeys.Select(j => new ReferenceChoice(j.Id, j.Name, j.StepCount == 1 ? Languages.Text<BuilderText>("JourneyOneStep", Schema(j.Schema)?.Name ?? j.Schema, j.StepCount) : Languages.Text<BuilderText>("JourneySteps", Schema(j.Schema)?.Name ?? j.Schema, j.StepCount)))];

    /// <summary>The problems with automations and journeys the template names that no longer exist.</summary>
    public IReadOnlyList<Core.Flows.Validation.ValidationProblem> MissingReferences(FlowTemplate template) =>
        Core.Flows.Validation.FlowTemplateValidator.CheckReferences(
            template, Automations.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), Journeys.Select(j => j.Id).ToHashSet(StringComparer.Ordinal));

    public EntitySchema? Schema(string? slug) => Schemas.FirstOrDefault(s => s.Slug == slug);

    /// <summary>The schema of the records a template starts on, whose attributes decisions test.</summary>
    public EntitySchema? TriggerSchema(FlowTemplate template) => Schema(TriggerSchemaSlug(template));

    public static string? TriggerSchemaSlug(FlowTemplate template) =>
        template.Trigger?.EntitySchema ?? template.AdditionalTriggers?.FirstOrDefault(t => t.EntitySchema is not null)?.EntitySchema;
}
