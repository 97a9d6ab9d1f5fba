namespace Workflows.Core.Automations;

/// <summary>Write <see cref="Value"/> (static or templated, such as <c>{{entity.amount}}</c>) into an attribute of the record.</summary>
public sealed record AttributeAssignment
{
    public string Attribute { get; init; } = "";

    public string Value { get; init; } = "";
}
