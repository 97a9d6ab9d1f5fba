using Workflows.Core.Localization;

namespace Workflows.Core.Entities;

/// <summary>Attribute types, spelled as epilot's entity API spells them.</summary>
public static class AttributeType
{
    public const string Text = "string";
    public const string Number = "number";
    public const string Date = "date";
    public const string DateTime = "datetime";
    public const string Boolean = "boolean";
    public const string Select = "select";
    public const string MultiSelect = "multiselect";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string User = "relation_user";
    public const string Relation = "relation";

    public static IReadOnlyList<string> All { get; } =
        [Text, Number, Date, DateTime, Boolean, Select, MultiSelect, Email, Phone, User, Relation];

    /// <summary>What a person reads for <paramref name="type"/> in the current language ("Text" for <c>string</c>).</summary>
    public static string Label(string type) => All.Contains(type) ? Languages.Text<CoreText>("AttributeType_" + type) : type;
}
