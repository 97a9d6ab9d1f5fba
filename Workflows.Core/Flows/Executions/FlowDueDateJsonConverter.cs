using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

internal sealed class FlowDueDateJsonConverter : JsonConverter<FlowDueDate>
{
    public override FlowDueDate? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return FlowDueDate.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"'{text}' is neither a date nor a date and time.", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, FlowDueDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
