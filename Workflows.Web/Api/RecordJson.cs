using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Core;
using Workflows.Core.Entities;

namespace Workflows.Web.Api;

/// <summary>A record as epilot's entity API shows it: system fields with a leading underscore beside the attributes.</summary>
public static class RecordJson
{
    public const string Organisation = "workflows";

    public static JsonObject From(EntityRecord record)
    {
        var json = new JsonObject
        {
            ["_id"] = record.Id,
            ["_title"] = record.Title,
            ["_org"] = Organisation,
            ["_schema"] = record.Schema,
            ["_created_at"] = Iso(record.CreatedAt),
            ["_updated_at"] = Iso(record.UpdatedAt),
            ["_version"] = record.Version,
        };
        foreach (var (name, value) in record.Attributes)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>
    /// A record with its relation attributes replaced in place by the records they point at (epilot's <c>hydrate=true</c>):
    /// each related record as <see cref="From(EntityRecord)"/> shows it, with <c>$relation</c> naming the link.
    /// </summary>
    public static JsonObject From(EntityRecord record, RelatedRecords related)
    {
        var json = From(record);
        foreach (var (attribute, records) in related.Of(record))
        {
            json[attribute] = new JsonArray([.. records.Select(target =>
            {
                var item = new JsonObject { [RecordRelations.RelationKey] = new JsonObject { [RecordRelations.EntityIdKey] = target.Id } };
                foreach (var (name, value) in From(target))
                {
                    item[name] = value?.DeepClone();
                }

                return (JsonNode?)item;
            })]);
        }

        return json;
    }

    /// <summary>The <c>_updated_at</c> a write names as the version it was based on: null when it names none.</summary>
    public static Outcome<DateTimeOffset?> UpdatedAtOf(JsonObject body)
    {
        if (body["_updated_at"] is not JsonValue basedOn)
        {
            return (DateTimeOffset?)null;
        }

        return DateTimeOffset.TryParse(basedOn.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : Refusal.Invalid("_updated_at must be an ISO-8601 date and time.");
    }

    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
