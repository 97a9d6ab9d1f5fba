using System.Text.Json.Nodes;
using Workflows.Core.Entities;

namespace Workflows.Tests.Core.Entities;

public sealed class AttributeValuesTests
{
    private static readonly EntitySchema Schema = new()
    {
        Slug = "meter",
        Name = "Meter",
        Plural = "Meters",
        TitleTemplate = "{{number}}",
        Attributes =
        [
            new() { Name = "number", Label = "Number", Type = AttributeType.Text, Required = true },
            new() { Name = "reading", Label = "Reading", Type = AttributeType.Number },
            new() { Name = "installed", Label = "Installed", Type = AttributeType.Date },
            new() { Name = "kind", Label = "Kind", Type = AttributeType.Select, Options = ["smart", "ferraris"] },
        ],
    };

    [Theory]
    [InlineData(4711)]
    [InlineData(4711.5)]
    public void Numbers_built_in_memory_of_any_clr_type_are_accepted(double reading)
    {
        var values = new JsonObject { ["number"] = "1ESY", ["reading"] = reading % 1 == 0 ? JsonValue.Create((int)reading) : JsonValue.Create(reading) };

        var result = AttributeValues.Normalize(Schema, values, requireAll: true);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((decimal)reading, result.Value["reading"]!.GetValue<decimal>());
    }

    [Fact]
    public void Every_problem_is_named_with_its_attribute()
    {
        var result = AttributeValues.Normalize(Schema, new JsonObject { ["reading"] = "lots", ["installed"] = "yesterday", ["kind"] = "analog", ["colour"] = "red" }, requireAll: true);

        Assert.False(result.Succeeded);
        Assert.Contains("Reading must be a number.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Installed must be a date (yyyy-mm-dd).", result.Error, StringComparison.Ordinal);
        Assert.Contains("Kind must be one of: smart, ferraris.", result.Error, StringComparison.Ordinal);
        Assert.Contains("'colour' is not an attribute of Meter.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Number is required.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_and_numbers_given_as_text_are_normalised()
    {
        var result = AttributeValues.Normalize(Schema, new JsonObject { ["number"] = "1ESY", ["reading"] = "12.50", ["installed"] = "2026-11-26T22:00:00Z" }, requireAll: true);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(12.5m, result.Value["reading"]!.GetValue<decimal>());
        Assert.Equal("2026-11-26", (string?)result.Value["installed"]);
    }
}
