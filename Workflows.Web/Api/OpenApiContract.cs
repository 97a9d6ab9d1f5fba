using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workflows.Web.Api;

/// <summary>
/// Turns the endpoints' <see cref="ApiOperation"/> declarations into the OpenAPI document at <c>/openapi/v1.json</c>:
/// only <c>/v1</c> and <c>/v2</c> routes, the bearer scheme on every operation, each error status the operation can
/// answer with the <c>{ "message": … }</c> schema and an example, the rate-limit headers, and <c>If-Match</c> /
/// <c>ETag</c> where the operation reads them. An endpoint only declares; this is the one place that writes the document.
/// </summary>
internal static class OpenApiContract
{
    public const string SecurityScheme = "bearer";

    private const string ErrorSchema = "ApiError";

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Entities"] = "epilot's entity API as far as workflows need it: schemas, records and search.",
        ["Flow templates"] = "Workflow definitions (epilot's workflow-definition API, v2 flows).",
        ["Closing reasons"] = "The catalogue of closing reasons, the ones a template offers and the ones an execution started with.",
        ["Flow executions"] = "Running workflows on records: start, work tasks and phases, close, delete (epilot's workflow-execution API).",
        ["Task search"] = "Our addition: the dashboard's task list over the API.",
        ["Automations"] = "Automations (after epilot's automation API): flows to build, and executions (runs) with their action logs; webhook keys are write-only.",
        ["Journeys"] = "Our journeys: definitions to build, the submissions on a record, and one-time signed links for people without an account.",
        ["Notes"] = "Notes on records, workflows and tasks, with replies, pins and search (after epilot's notes API); a partner reaches only their tasks' notes.",
        ["Progress"] = "Our addition: signed, expiring links that show a workflow's progress to its end customer, and that progress as JSON.",
        ["Task board"] = "Our addition: the task board over the API, columns by status or phase, each counted and paged on its own.",
        ["Webhooks"] = "Outbound webhooks for integrators: subscriptions to workflow events, signed per the Standard Webhooks spec, retried with backoff, with a delivery log and re-send; secrets are write-only.",
        ["Teams"] = "Our teams (groups) as assignees: administrators keep them; a team's members claim its tasks, or round-robin hands them out.",
    };

    private static readonly Dictionary<int, (string Description, string Example)> Errors = new()
    {
        [StatusCodes.Status400BadRequest] = ("The request is invalid; the message names what to change.", "Name the template to start in 'flow_template_id'."),
        [StatusCodes.Status401Unauthorized] = ("No valid API token was sent.", BearerTokenHandler.NoTokenMessage),
        [StatusCodes.Status403Forbidden] = ("The token's role does not allow this operation.", BearerTokenHandler.ForbiddenMessage),
        [StatusCodes.Status404NotFound] = ("There is no such resource, or it is not the caller's to see.", "There is no workflow 'wf-0001'."),
        [StatusCodes.Status409Conflict] = (
            "The state moved on: If-Match named a stale version, the resource exists already, its current state refuses the change, or a request with the same Idempotency-Key is still running.",
            "This workflow was changed by Ada Admin after version 7; reload it and apply your change again."),
        [StatusCodes.Status410Gone] = ("The link has expired.", "This progress link has expired; ask for a new one."),
        [StatusCodes.Status415UnsupportedMediaType] = ("The body was not sent as JSON.", "Send the body as JSON with 'Content-Type: application/json', not 'text/plain'."),
        [StatusCodes.Status422UnprocessableEntity] = ("The values do not fit the record's schema, or the Idempotency-Key was used for another request; the message names what.", "Amount is required."),
        [StatusCodes.Status429TooManyRequests] = ("Too many requests for this token; retry after Retry-After seconds.", ApiRateLimits.TooManyMessage),
    };

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath is { } path && ApiSetup.IsApiPath("/" + path);
        // Request types of several areas share names (SearchRequest); the area's name keeps their schemas apart.
        options.CreateSchemaReferenceId = type => type.Type is { IsNested: true, DeclaringType.Name: var area } && area.EndsWith("Api", StringComparison.Ordinal)
            ? area[..^"Api".Length] + type.Type.Name
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(Workflows.Core.Flows.Templates.FlowTemplate))
            {
                DescribeTemplateLimits(schema);
            }
            else if (context.JsonTypeInfo.Type == typeof(Workflows.Core.Entities.EntityAttribute)
                && schema.Properties?.TryGetValue("options", out var options) == true && options is OpenApiSchema list)
            {
                list.Items = OptionSchema();
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<ApiOperation>().LastOrDefault() is { } contract && context.Document is { } document)
            {
                Describe(operation, contract, contract.Statuses(metadata, context.Description.RelativePath ?? ""), ApiOperation.IsAnonymous(metadata), document);
                if (metadata.OfType<IdempotentCreation>().Any())
                {
                    DescribeIdempotency(operation);
                }

                if (metadata.OfType<ApiRequestSchema>().LastOrDefault() is { } request)
                {
                    DescribeRequest(operation, request, document);
                }
            }

            return Task.CompletedTask;
        });
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Workflows API";
        document.Info.Description = "epilot-compatible workflow definitions, executions, closing reasons and entities. "
            + "Every error is { \"message\": … }; every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.";
        document.Servers = [.. (document.Servers ?? []).Select(s => new OpenApiServer { Url = s.Url?.TrimEnd('/'), Description = "This server" })];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token (Profile → API tokens): 'Authorization: Bearer <token>'.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ErrorSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Every error the API answers: what went wrong and what to change, in a sentence.",
            Required = new HashSet<string> { "message" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["message"] = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
    }

    /// <summary>epilot's either-form of a select option (a converter writes it, so the generator cannot see it).</summary>
    private static OpenApiSchema OptionSchema() => new()
    {
        OneOf =
        [
            new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, Description = "The value, shown as it is." },
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "value" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["value"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, Description = "What records hold." },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What a person reads." },
                },
            },
        ],
    };

    private static void Describe(OpenApiOperation operation, ApiOperation contract, IReadOnlyList<int> statuses, bool anonymous, OpenApiDocument document)
    {
        operation.OperationId = contract.Id;
        operation.Summary = contract.Summary;
        operation.Security = anonymous ? [] : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];
        operation.Responses ??= new OpenApiResponses();
        foreach (var generated in operation.Responses.Keys.Where(key => !key.StartsWith('2')).ToList())
        {
            operation.Responses.Remove(generated);
        }

        foreach (var success in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var (name, description) in RateLimitHeaders)
            {
                success.Headers[name] = Header(description);
            }

            if (contract.Versioning != ApiVersioning.None)
            {
                success.Headers["ETag"] = Header("The version the answer shows, such as \"8\"; send it back in If-Match.", JsonSchemaType.String);
            }
        }

        foreach (var status in statuses)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = ErrorResponse(status, document);
        }

        if (contract.Versioning == ApiVersioning.IfMatch)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The version the change is based on (the ETag, such as \"7\"); a stale one is refused with 409. Without it, the change applies to the current state.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("\"7\""),
            });
        }
    }

    private static void DescribeIdempotency(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentCreation.Header,
            In = ParameterLocation.Header,
            Description = "A key of the caller's (a UUID) that makes a retry safe: the same key with the same body within 24 hours answers the first response again "
                + "instead of creating a second one; the same key with another request is refused with 422, while the first still runs with 409.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            Example = JsonValue.Create("8a1f3c2e-5b7d-4e09-9c61-2f4a7d3b1e58"),
        });
        foreach (var success in operation.Responses?.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>() ?? [])
        {
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            success.Headers[IdempotentCreation.ReplayedHeader] = Header("'true' when this is the stored answer to an earlier request with the same Idempotency-Key.", JsonSchemaType.String);
        }
    }

    /// <summary>
    /// The limits the template validator enforces on a whole template, on the schema generated from its type (a template
    /// is too large to declare by hand, and its nested parts keep their generated schemas).
    /// </summary>
    private static void DescribeTemplateLimits(OpenApiSchema schema)
    {
        if (schema.Properties is not { } properties)
        {
            return;
        }

        if (properties.TryGetValue("name", out var nameSchema) && nameSchema is OpenApiSchema name)
        {
            name.MinLength = 1;
            name.MaxLength = Workflows.Core.Flows.Validation.FlowTemplateValidator.MaxNameLength;
        }

        if (properties.TryGetValue("id", out var idSchema) && idSchema is OpenApiSchema id)
        {
            id.MaxLength = Workflows.Core.Flows.Validation.FlowTemplateValidator.MaxIdLength;
        }

        if (properties.TryGetValue("taxonomies", out var taxonomiesSchema) && taxonomiesSchema is OpenApiSchema labels)
        {
            labels.MaxItems = Workflows.Core.Flows.Templates.TemplateLabels.MaxCount;
            labels.Description = "Labels that organise templates: at most "
                + $"{Workflows.Core.Flows.Templates.TemplateLabels.MaxCount}, each of 1 to {Workflows.Core.Flows.Templates.TemplateLabels.MaxLength} characters, none twice in any case.";
            labels.Items = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Workflows.Core.Flows.Templates.TemplateLabels.MaxLength };
        }
    }

    /// <summary>The body as the endpoint declares it, with the server's constraints, in place of the type the binder reads.</summary>
    private static void DescribeRequest(OpenApiOperation operation, ApiRequestSchema request, OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[request.Name] = request.Build();
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(request.Name, document) } },
        };
    }

    private static readonly (string Name, string Description)[] RateLimitHeaders =
    [
        ("RateLimit-Limit", "Requests the token's bucket holds."),
        ("RateLimit-Remaining", "Requests left in the bucket."),
        ("RateLimit-Reset", "Seconds until the bucket is full again."),
    ];

    private static OpenApiResponse ErrorResponse(int status, OpenApiDocument document)
    {
        var (description, example) = Errors[status];
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(ErrorSchema, document), Example = new JsonObject { ["message"] = example } },
            },
        };
        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = Header("Seconds to wait before the next request.") };
        }

        return response;
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.Integer) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
