using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows;
using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>
/// Reads request bodies of the workflow API strictly and turns every way a body can be wrong into a 400 that names
/// the field: the spec's JSON shape (<see cref="FlowJson"/>), no numbers for enums, no null where the model has none,
/// no null inside lists, a bounded depth.
/// </summary>
internal static partial class ApiJson
{
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Strict { get; } = CreateStrict();

    /// <summary>How every body is parsed: bounded depth, and a key named twice is an error rather than a guess.</summary>
    public static JsonDocumentOptions Document { get; } = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>
    /// Why <paramref name="body"/> is not JSON the API reads, or null when it is: it must parse with
    /// <see cref="Document"/>, and every name and string must be Unicode text (JSON's <c>\ud800</c> escapes can
    /// spell a lone UTF-16 surrogate, which no text can hold).
    /// </summary>
    public static async Task<string?> ProblemAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, Document, cancellationToken);
            return NotText(document.RootElement, "$") is { } problem ? problem : null;
        }
        catch (JsonException exception)
        {
            return $"The request body is not valid JSON: {exception.Message}";
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check reads every property name while parsing, and meets the broken one first.
            return NotUnicode(" in a property name");
        }
    }

    private static string NotUnicode(string where) =>
        $"The request body holds text that is not Unicode{where}: a lone UTF-16 surrogate (such as \\ud800) must be sent with its pair.";

    /// <summary>The body as a JSON object, or the reason it is not one.</summary>
    public static async Task<Outcome<JsonObject>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: Document, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return Refusal.Invalid($"The request body is not valid JSON: {exception.Message}");
        }

        if (node is not JsonObject body)
        {
            return Refusal.Invalid("The request body must be a JSON object ({ … }).");
        }

        return NullInList(body) is { } path
            ? Refusal.Invalid($"Lists may not contain null ({path}).")
            : body;
    }

    /// <summary>The body as a <typeparamref name="T"/>, read with <see cref="Strict"/>.</summary>
    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var body = await ReadObjectAsync(request, cancellationToken);
        return body.Succeeded ? Convert<T>(body.Value) : body.Refusal;
    }

    public static Outcome<T> Convert<T>(JsonObject body)
        where T : class
    {
        try
        {
            return body.Deserialize<T>(Strict) is { } value ? value : Refusal.Invalid("The request body is empty.");
        }
        catch (JsonException exception)
        {
            return Refusal.Invalid(Explain(exception, typeof(T)));
        }
    }

    /// <summary>A person-readable version of a serializer complaint: which field, and what it accepts.</summary>
    /// <param name="exception">What the serializer threw.</param>
    /// <param name="target">The type that was being read.</param>
    /// <param name="root">The field the value was read from, when it was read on its own.</param>
    public static string Explain(JsonException exception, Type target, string? root = null)
    {
        var path = exception.Path is { Length: > 1 } p ? p[1..].TrimStart('.') : "";
        var field = (root, path) switch
        {
            (null, "") => null,
            (null, _) => path,
            (_, "") => root,
            _ => path.StartsWith('[') ? root + path : $"{root}.{path}",
        };
        if (field is null)
        {
            return $"The request body does not fit this operation: {FirstSentence(exception.Message)}";
        }

        if (exception.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"'{field}' is not a field of this request.";
        }

        if (exception.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = QuotedName().Matches(exception.Message[Math.Max(0, exception.Message.IndexOf("including:", StringComparison.Ordinal))..]).Select(m => m.Value);
            return $"'{field}' needs {string.Join(", ", names)}.";
        }

        return TypeAt(target, path) is { } type && Describe(type) is { } accepted
            ? $"'{field}' must be {accepted}."
            : $"'{field}' has a value of the wrong kind. {FirstSentence(exception.Message)}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Replace("System.", "", StringComparison.Ordinal).TrimEnd('.') + ".";
    }

    /// <summary>The type at a serializer path such as <c>tasks[0].task_type</c> below <paramref name="type"/>.</summary>
    private static Type? TypeAt(Type type, string path)
    {
        foreach (Match step in PathStep().Matches(path))
        {
            if (step.Value.StartsWith('['))
            {
                type = ElementType(type) ?? type;
                continue;
            }

            var name = step.Value;
            var property = Strict.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type).Properties.FirstOrDefault(p => p.Name == name);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string? Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var names = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);
            return "one of " + string.Join(", ", names);
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Int32 or TypeCode.Int64 => "a whole number",
            TypeCode.Double or TypeCode.Decimal => "a number",
            _ when type == typeof(DateTimeOffset) => "an ISO 8601 date and time",
            _ when type == typeof(FlowDueDate) => "a date (2024-05-03) or an ISO 8601 date and time",
            _ when type == typeof(Assignee) => "a user, group or partner id, or { \"variable\": … }",
            _ when type == typeof(JsonObject) => "an object",
            _ when type == typeof(JsonNode) || type == typeof(JsonElement) => null,
            _ when ElementType(type) is not null && !type.IsAssignableTo(typeof(System.Collections.IDictionary)) => "a list",
            _ => "an object",
        };
    }

    private static string? NotText(JsonElement element, string path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    // PostgreSQL cannot store the NUL character in text, and no record, note or name needs it: one
                    // rule for every provider is to refuse it here.
                    return element.GetString()!.Contains('\0', StringComparison.Ordinal)
                        ? $"The request body holds the NUL character (\\u0000) at {path}; text may not contain it."
                        : null;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (NotText(item, $"{path}[{i++}]") is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (NotText(property.Value, $"{path}.{property.Name}") is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return NotUnicode(" at " + path);
        }
    }

    private static string? NullInList(JsonNode node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is not null && NullInList(value, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not { } item)
                    {
                        return $"{path}[{i}]";
                    }

                    if (NullInList(item, $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(FlowJson.Options)
        {
            RespectNullableAnnotations = true,
            MaxDepth = MaxDepth,
        };
        var lenient = options.Converters.OfType<JsonStringEnumConverter>().ToList();
        foreach (var converter in lenient)
        {
            options.Converters.Remove(converter);
        }

        options.Converters.Insert(0, new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();

    [GeneratedRegex("'[^']+'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();
}
