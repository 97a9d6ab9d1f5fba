using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

internal sealed class AssigneeJsonConverter : JsonConverter<Assignee>
{
    public override Assignee? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Assignee.Of(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An assignee is a string or an object with a variable.");
        }

        string? variable = null;
        List<string>? value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "variable":
                    variable = reader.GetString();
                    break;
                case "value":
                    value = JsonSerializer.Deserialize<List<string>>(ref reader, options);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Assignee { Variable = variable ?? "", Value = value };
    }

    public override void Write(Utf8JsonWriter writer, Assignee value, JsonSerializerOptions options)
    {
        if (!value.IsVariable)
        {
            writer.WriteStringValue(value.Id);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("variable", value.Variable);
        if (value.Value is not null)
        {
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value.Value, options);
        }

        writer.WriteEndObject();
    }
}
