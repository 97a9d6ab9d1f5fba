using System.Text.Json.Nodes;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>Every operator of the spec's Operator enum over text, number, date, boolean and multi-value attributes.</summary>
public sealed class OperatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    /// <param name="attribute">JSON of the attribute, or null when the record lacks it.</param>
    /// <param name="values">Statement values separated by '|'.</param>
    [Theory]
    // text
    [InlineData(Operator.Equal, "\"Berlin\"", null, "berlin", true)]
    [InlineData(Operator.Equal, "\"Berlin\"", null, "Hamburg", false)]
    [InlineData(Operator.NotEquals, "\"Berlin\"", null, "Hamburg", true)]
    [InlineData(Operator.NotEquals, "\"Berlin\"", null, "Berlin", false)]
    [InlineData(Operator.AnyOf, "\"Berlin\"", "string", "Hamburg|Berlin", true)]
    [InlineData(Operator.AnyOf, "\"Berlin\"", "string", "Hamburg|Köln", false)]
    [InlineData(Operator.NoneOf, "\"Berlin\"", "string", "Hamburg|Köln", true)]
    [InlineData(Operator.NoneOf, "\"Berlin\"", "string", "Hamburg|Berlin", false)]
    [InlineData(Operator.Contains, "\"Solar roof\"", "text", "ROOF", true)]
    [InlineData(Operator.Contains, "\"Solar roof\"", "text", "wall", false)]
    [InlineData(Operator.NotContains, "\"Solar roof\"", "text", "wall", true)]
    [InlineData(Operator.NotContains, "\"Solar roof\"", "text", "roof", false)]
    [InlineData(Operator.StartsWith, "\"DE-123\"", null, "de-", true)]
    [InlineData(Operator.StartsWith, "\"AT-123\"", null, "DE-", false)]
    [InlineData(Operator.EndsWith, "\"anna@example.com\"", "email", "@example.com", true)]
    [InlineData(Operator.EndsWith, "\"anna@example.org\"", "email", "@example.com", false)]
    [InlineData(Operator.IsEmpty, "\"\"", null, "", true)]
    [InlineData(Operator.IsEmpty, "\"x\"", null, "", false)]
    [InlineData(Operator.IsNotEmpty, "\"x\"", null, "", true)]
    [InlineData(Operator.IsNotEmpty, "\"  \"", null, "", false)]
    [InlineData(Operator.GreaterThan, "\"Berlin\"", "string", "A", false)]
    // number
    [InlineData(Operator.Equal, "12", "number", "12", true)]
    [InlineData(Operator.Equal, "12.5", null, "12.50", true)]
    [InlineData(Operator.NotEquals, "12", "number", "13", true)]
    [InlineData(Operator.AnyOf, "12", "number", "1|12", true)]
    [InlineData(Operator.NoneOf, "12", "number", "1|2", true)]
    [InlineData(Operator.GreaterThan, "12", "number", "10", true)]
    [InlineData(Operator.GreaterThan, "10", "number", "10", false)]
    [InlineData(Operator.LessThan, "9", "number", "10", true)]
    [InlineData(Operator.LessThan, "10", "number", "10", false)]
    [InlineData(Operator.GreaterThanOrEquals, "10", "number", "10", true)]
    [InlineData(Operator.GreaterThanOrEquals, "9", "number", "10", false)]
    [InlineData(Operator.LessThanOrEquals, "10", "number", "10", true)]
    [InlineData(Operator.LessThanOrEquals, "11", "number", "10", false)]
    [InlineData(Operator.GreaterThan, "\"12\"", "number", "10", true)]
    [InlineData(Operator.GreaterThan, "\"twelve\"", "number", "10", false)]
    [InlineData(Operator.GreaterThan, "12", "number", "ten", false)]
    [InlineData(Operator.Contains, "12", "number", "1", false)]
    [InlineData(Operator.IsNotEmpty, "0", "number", "", true)]
    // date and datetime
    [InlineData(Operator.Equal, "\"2025-03-01\"", "date", "2025-03-01", true)]
    [InlineData(Operator.NotEquals, "\"2025-03-01\"", "date", "2025-03-02", true)]
    [InlineData(Operator.AnyOf, "\"2025-03-01\"", "date", "2025-01-01|2025-03-01", true)]
    [InlineData(Operator.NoneOf, "\"2025-03-01\"", "date", "2025-01-01", true)]
    [InlineData(Operator.GreaterThan, "\"2025-03-01\"", "date", "2025-02-28", true)]
    [InlineData(Operator.LessThan, "\"2025-03-01\"", "date", "2025-02-28", false)]
    [InlineData(Operator.GreaterThanOrEquals, "\"2025-03-01\"", "date", "2025-03-01", true)]
    [InlineData(Operator.LessThanOrEquals, "\"2025-03-01\"", "date", "2025-03-01", true)]
    [InlineData(Operator.GreaterThan, "\"2025-03-10T10:00:00Z\"", "datetime", "2025-03-10T09:30:00Z", true)]
    [InlineData(Operator.Equal, "\"2025-03-10T23:00:00Z\"", "datetime", "2025-03-10", true)]
    [InlineData(Operator.LessThan, "\"not a date\"", "date", "2025-03-10", false)]
    [InlineData(Operator.StartsWith, "\"2025-03-01\"", "date", "2025", false)]
    // boolean
    [InlineData(Operator.Equal, "true", "boolean", "true", true)]
    [InlineData(Operator.Equal, "false", null, "true", false)]
    [InlineData(Operator.NotEquals, "false", "boolean", "true", true)]
    [InlineData(Operator.AnyOf, "\"true\"", "boolean", "true", true)]
    [InlineData(Operator.NoneOf, "true", "boolean", "false", true)]
    [InlineData(Operator.Equal, "\"yes\"", "boolean", "true", false)]
    [InlineData(Operator.GreaterThan, "true", "boolean", "false", false)]
    // multi-value
    [InlineData(Operator.Equal, "[\"solar\",\"battery\"]", "multiselect", "battery|solar", true)]
    [InlineData(Operator.Equal, "[\"solar\",\"battery\"]", "multiselect", "solar", false)]
    [InlineData(Operator.NotEquals, "[\"solar\"]", "multiselect", "battery", true)]
    [InlineData(Operator.AnyOf, "[\"solar\",\"battery\"]", "tags", "heat pump|battery", true)]
    [InlineData(Operator.AnyOf, "[\"solar\"]", "tags", "heat pump", false)]
    [InlineData(Operator.NoneOf, "[\"solar\"]", "tags", "heat pump", true)]
    [InlineData(Operator.Contains, "[\"solar\",\"battery\",\"wallbox\"]", null, "solar|wallbox", true)]
    [InlineData(Operator.Contains, "[\"solar\"]", null, "solar|wallbox", false)]
    [InlineData(Operator.NotContains, "[\"solar\"]", null, "wallbox", true)]
    [InlineData(Operator.StartsWith, "[\"DE-1\",\"AT-2\"]", null, "AT", true)]
    [InlineData(Operator.EndsWith, "[\"DE-1\",\"AT-2\"]", null, "-3", false)]
    [InlineData(Operator.IsEmpty, "[]", "multiselect", "", true)]
    [InlineData(Operator.IsNotEmpty, "[\"solar\"]", "multiselect", "", true)]
    [InlineData(Operator.AnyOf, "[{\"entity_id\":\"c-1\"},{\"entity_id\":\"c-2\"}]", "relation", "c-2", true)]
    [InlineData(Operator.GreaterThan, "[\"1\"]", "multiselect", "0", false)]
    // missing attribute: only is_empty holds
    [InlineData(Operator.Equal, null, null, "x", false)]
    [InlineData(Operator.NotEquals, null, null, "x", false)]
    [InlineData(Operator.NoneOf, null, "string", "x", false)]
    [InlineData(Operator.NotContains, null, "string", "x", false)]
    [InlineData(Operator.LessThan, null, "number", "1", false)]
    [InlineData(Operator.IsEmpty, null, null, "", true)]
    [InlineData(Operator.IsNotEmpty, null, null, "", false)]
    [InlineData(Operator.Equal, "null", null, "x", false)]
    public void A_statement_holds_exactly_when_the_operator_says_so(Operator op, string? attribute, string? type, string values, bool expected)
    {
        var facts = new Dictionary<string, JsonNode?>();
        if (attribute is not null)
        {
            facts["attr"] = JsonNode.Parse(attribute);
        }

        var statement = When("attr", type, op, values.Length == 0 ? [] : values.Split('|'));

        Assert.Equal(expected, ConditionEvaluator.IsMet(statement, facts, Now, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("2025-03-10", Operator.Equal, "today", true)]
    [InlineData("2025-03-09", Operator.LessThan, "today", true)]
    [InlineData("2025-03-11", Operator.Equal, "tomorrow", true)]
    [InlineData("2025-03-17", Operator.GreaterThanOrEquals, "today+7", true)]
    [InlineData("2025-03-16", Operator.GreaterThanOrEquals, "today+7", false)]
    public void Relative_date_values_count_from_today(string date, Operator op, string token, bool expected)
    {
        var statement = When("d", "date", op, token) with { ValueType = StatementValueType.RelativeDate };

        Assert.Equal(expected, ConditionEvaluator.IsMet(statement, new Dictionary<string, JsonNode?> { ["d"] = date }, Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_date_offset_shifts_the_attribute_before_comparing()
    {
        var adult = When("birthday", "date", Operator.LessThanOrEquals, "today") with
        {
            ValueType = StatementValueType.RelativeDate,
            Source = new EvaluationSource { Attribute = "birthday", AttributeType = "date", DateOffset = new DateOffset { Amount = 18, Unit = "years" } },
        };

        Assert.True(ConditionEvaluator.IsMet(adult, new Dictionary<string, JsonNode?> { ["birthday"] = "2007-03-10" }, Now, TimeZoneInfo.Utc));
        Assert.False(ConditionEvaluator.IsMet(adult, new Dictionary<string, JsonNode?> { ["birthday"] = "2007-03-11" }, Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_sub_field_of_a_complex_attribute_is_compared()
    {
        var statement = When("address", null, Operator.Equal, "Berlin") with
        {
            Source = new EvaluationSource { Attribute = "address", AttributeSubField = "city" },
        };
        var facts = new Dictionary<string, JsonNode?> { ["address"] = new JsonObject { ["city"] = "Berlin" } };

        Assert.True(ConditionEvaluator.IsMet(statement, facts, Now, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData(LogicalOperator.AND, false)]
    [InlineData(LogicalOperator.OR, true)]
    public void Statements_combine_with_and_or(LogicalOperator op, bool expected)
    {
        var condition = Branch("b", op, When("a", Operator.Equal, "1"), When("b", Operator.Equal, "1"));
        var facts = new Dictionary<string, JsonNode?> { ["a"] = "1", ["b"] = "2" };

        Assert.Equal(expected, ConditionEvaluator.IsMet(condition, facts, Now, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_branch_without_statements_never_holds()
    {
        Assert.False(ConditionEvaluator.IsMet(Branch("empty"), new Dictionary<string, JsonNode?>(), Now, TimeZoneInfo.Utc));
    }
}
