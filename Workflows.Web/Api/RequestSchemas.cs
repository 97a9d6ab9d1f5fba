using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Teams;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows.Validation;
using Workflows.Core.Notes;

namespace Workflows.Web.Api;

/// <summary>
/// Request bodies with the constraints the server enforces, each built from the constant the check itself uses, so the
/// document and the server cannot drift apart unnoticed (OpenApiContractTests sends a body breaking each one).
/// </summary>
internal static class RequestSchemas
{
    public static RouteHandlerBuilder Requests(this RouteHandlerBuilder builder, ApiRequestSchema schema) => builder.WithMetadata(schema);

    public static ApiRequestSchema Entity { get; } = new("EntityWrite", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Description = "The record's attribute values by name, as its schema types them; '_title' gives it a title, '_updated_at' names the version the write is based on (409 when it changed since).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["_title"] = Text(1, RecordTitle.MaxLength, "The record's title; left out, the schema's title template makes it."),
            ["_updated_at"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "The _updated_at of the version this write is based on." },
        },
        AdditionalPropertiesAllowed = true,
    });

    public static ApiRequestSchema Upsert { get; } = new("EntityUpsert", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "unique_key", "entity" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["unique_key"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MinItems = 1, MaxItems = 1, Items = Text(1, 64, "An attribute the schema marks unique."),
                Description = "The one attribute, marked unique in the schema, whose value in 'entity' finds the record.",
                Examples = [new JsonArray("email")],
            },
            ["entity"] = new OpenApiSchemaReference(Entity.Name),
        },
    });

    public static ApiRequestSchema EntitySearch { get; } = new("EntitySearch", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "q" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["q"] = Text(1, null, "Lucene-style terms joined by AND, naming the schema: \"_schema:contact AND city:Berlin\"."),
            ["from"] = Whole(0, null, "How many records to pass over."),
            ["size"] = Whole(0, RecordQuery.MaxPageSize, $"How many records a page holds (default {EntitiesApi.DefaultPageSize}); 0 answers only 'hits'."),
            ["sort"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Enum = [.. EntitiesApi.SortNames.Select(name => (JsonNode)JsonValue.Create(name)!)],
                Description = "The order; ties go by id, so pages neither overlap nor leave records out.",
            },
            ["hydrate"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Replace relation attributes with the records they point at." },
        },
    });

    public static ApiRequestSchema TaskPatch { get; } = new("TaskPatch", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Description = "The fields to change; a field left out stays as it is. Other fields are refused.",
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = Names<StepStatus>(),
            ["next_condition_id"] = Text(1, FlowTemplateValidator.MaxIdLength, "The branch a manual decision takes."),
            ["revert_execution"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            ["assigned_to"] = Assignees(),
            ["due_date"] = new OpenApiSchema(),
            ["due_date_config"] = new OpenApiSchema(),
            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["description"] = new OpenApiSchema(),
            ["enabled"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            ["automation_config"] = new OpenApiSchema(),
            ["ecp"] = new OpenApiSchema(),
            ["installer"] = new OpenApiSchema(),
            ["priority"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer | JsonSchemaType.Null, Minimum = "0", Maximum = "100",
                Description = $"0-100: {TaskPriority.Scale}; null is the default, {TaskPriority.Describe(TaskPriority.Default)}.",
            },
            ["follow_up_date"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date",
                Description = "Until this day the task stays out of its assignees' open task lists; null clears it.",
            },
        },
    });

    public static ApiRequestSchema WorkflowPatch { get; } = new("WorkflowPatch", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Description = "The fields to change; a field left out stays as it is. Other fields are refused.",
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = Names<WorkflowStatus>(),
            ["assigned_to"] = Assignees(),
            ["closing_reason"] = new OpenApiSchema { Description = "With status CLOSED: the reasons chosen and a note." },
            ["due_date"] = new OpenApiSchema(),
            ["due_date_config"] = new OpenApiSchema(),
            ["contexts"] = new OpenApiSchema { Description = "Refused: a workflow's records are fixed when it starts." },
        },
    });

    public static ApiRequestSchema PhasePatch { get; } = new("PhasePatch", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Description = "The fields to change; a field left out stays as it is. Other fields are refused.",
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Only the phase's current name: a running workflow's phases keep theirs." },
            ["assigned_to"] = Assignees(),
            ["due_date"] = new OpenApiSchema(),
            ["due_date_config"] = new OpenApiSchema(),
        },
    });

    public static ApiRequestSchema NewTask { get; } = new("NewTask", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Description = "A task added to a running workflow, after 'previous_task_id' and before 'next_task_id'.",
        AdditionalPropertiesAllowed = false,
        Required = new HashSet<string> { "task" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["previous_task_id"] = Text(null, FlowTemplateValidator.MaxIdLength, "The task the new one follows."),
            ["next_task_id"] = Text(null, FlowTemplateValidator.MaxIdLength, "The task the new one comes before."),
            ["task"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalPropertiesAllowed = false,
                Required = new HashSet<string> { "name" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = Text(null, FlowTemplateValidator.MaxIdLength, "Left out, the server makes one."),
                    ["name"] = Text(1, FlowTemplateValidator.MaxNameLength, "What the task is called."),
                    ["status"] = Names<StepStatus>(),
                    ["task_type"] = Names<TaskType>(),
                    ["phase_id"] = Text(null, FlowTemplateValidator.MaxIdLength, "The phase it belongs to."),
                    ["assigned_to"] = Assignees(),
                    ["due_date"] = new OpenApiSchema(),
                    ["due_date_config"] = new OpenApiSchema(),
                    ["enabled"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                    ["automation_config"] = new OpenApiSchema(),
                },
            },
        },
    });

    public static ApiRequestSchema ClosingReason { get; } = new("ClosingReasonWrite", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = Text(1, ClosingReasonCatalogue.MaxTitleLength, "What the reason says; required to create one."),
            ["status"] = Names<ClosingReasonStatus>(),
            ["lastUpdateTime"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    });

    public static ApiRequestSchema Team { get; } = new("TeamWrite", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["name"] = Text(1, TeamAdministration.MaxNameLength, "The team's name; required to create one."),
            ["round_robin"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Hand each new task to the next member who is not absent." },
            ["members"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = "The user ids of the members (staff and partner users); replaces the members.",
            },
        },
    });

    public static ApiRequestSchema Note { get; } = new("NoteWrite", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "content" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["entity_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["execution_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["task_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["parent_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The note this one replies to." },
            ["content"] = NoteText(),
        },
    });

    public static ApiRequestSchema NotePatch { get; } = new("NotePatch", () => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["content"] = NoteText(),
            ["pinned"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
        },
    });

    private static OpenApiSchema NoteText() => Text(1, NoteService.MaxLength, "Markdown; not only spaces.");

    private static OpenApiSchema Assignees() => new()
    {
        Type = JsonSchemaType.Array | JsonSchemaType.Null,
        MaxItems = ExecutionPatchJson.MaxAssignees,
        Items = new OpenApiSchema
        {
            OneOf =
            [
                Text(1, FlowTemplateValidator.MaxIdLength, "A user, group or partner id, or a variable such as {{entity.owner}}."),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["id"] = Text(1, FlowTemplateValidator.MaxIdLength, "A user, group or partner id."),
                        ["variable"] = Text(1, FlowTemplateValidator.MaxIdLength, "A variable such as {{entity.owner}}."),
                    },
                },
            ],
            Examples = [JsonValue.Create("manager")],
        },
    };

    private static OpenApiSchema Text(int? minLength, int? maxLength, string description) =>
        new() { Type = JsonSchemaType.String, MinLength = minLength, MaxLength = maxLength, Description = description };

    private static OpenApiSchema Whole(int? minimum, int? maximum, string description) => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Description = description,
    };

    private static OpenApiSchema Names<TEnum>() where TEnum : struct, Enum =>
        new() { Type = JsonSchemaType.String, Enum = [.. Enum.GetNames<TEnum>().Select(name => (JsonNode)JsonValue.Create(name)!)] };
}
