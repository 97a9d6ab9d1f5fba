using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows;

/// <summary>Writes instants as the specs show them (<c>2021-04-27T12:01:13.000Z</c>) and reads any ISO 8601 form.</summary>
internal sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 date and time.");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
