using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Entities;

/// <summary>
/// One choice of a select or multiselect attribute: the value records store, and the words a person reads for it.
/// In JSON it is epilot's either-form: a plain string (the value, read as it is) or <c>{"value": …, "title": …}</c>.
/// </summary>
[JsonConverter(typeof(AttributeOptionConverter))]
public sealed record AttributeOption(string Value, string? Title = null)
{
    /// <summary>What a person reads: the title, or the value itself when the option has none.</summary>
    public string Text => string.IsNullOrWhiteSpace(Title) ? Value : Title;

    public static implicit operator AttributeOption(string value) => new(value);

    /// <summary>The value, so a list of options joins into the values records accept.</summary>
    public override string ToString() => Value;
}

internal sealed class AttributeOptionConverter : JsonConverter<AttributeOption>
{
    public override AttributeOption? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new AttributeOption(reader.GetString()!);
            case JsonTokenType.StartObject:
                string? value = null, title = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var property = reader.GetString();
                    reader.Read();
                    switch (property)
                    {
                        case "value" when reader.TokenType == JsonTokenType.String:
                            value = reader.GetString();
                            break;
                        case "title" when reader.TokenType is JsonTokenType.String or JsonTokenType.Null:
                            title = reader.GetString();
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }

                return value is null ? throw new JsonException("An option needs a \"value\" text.") : new AttributeOption(value, title);
            default:
                throw new JsonException("An option is a text or {\"value\": …, \"title\": …}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, AttributeOption option, JsonSerializerOptions options)
    {
        if (string.IsNullOrWhiteSpace(option.Title))
        {
            writer.WriteStringValue(option.Value);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("value", option.Value);
        writer.WriteString("title", option.Title);
        writer.WriteEndObject();
    }
}
