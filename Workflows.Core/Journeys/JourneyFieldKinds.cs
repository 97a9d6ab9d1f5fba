using Workflows.Core.Entities;
using Workflows.Core.Localization;

namespace Workflows.Core.Journeys;

/// <summary>Which field kinds can ask for an attribute of a given type, and what each kind is called.</summary>
public static class JourneyFieldKinds
{
    /// <summary>The kinds that fit <paramref name="attributeType"/>, the natural one first; empty when journeys cannot ask for it.</summary>
    public static IReadOnlyList<JourneyFieldKind> For(string attributeType) => attributeType switch
    {
        AttributeType.Text => [JourneyFieldKind.Text, JourneyFieldKind.Multiline],
        AttributeType.Number => [JourneyFieldKind.Number],
        AttributeType.Date => [JourneyFieldKind.Date],
        AttributeType.Boolean => [JourneyFieldKind.Checkbox],
        AttributeType.Select => [JourneyFieldKind.Select],
        AttributeType.MultiSelect => [JourneyFieldKind.MultiSelect],
        AttributeType.Email => [JourneyFieldKind.Email, JourneyFieldKind.Text],
        AttributeType.Phone => [JourneyFieldKind.Phone, JourneyFieldKind.Text],
        _ => [],
    };

    public static JourneyFieldKind DefaultFor(EntityAttribute attribute) =>
        attribute.Type == AttributeType.Text && attribute.Multiline ? JourneyFieldKind.Multiline : For(attribute.Type)[0];

    /// <summary>What the kind is called in the current language ("Multiline text", „Mehrzeiliger Text“).</summary>
    public static string Label(JourneyFieldKind kind) =>
        Enum.IsDefined(kind) ? Languages.Text<CoreText>("JourneyFieldKind_" + kind) : kind.ToString();

    /// <summary>Whether <see cref="JourneyField.Min"/> and <see cref="JourneyField.Max"/> mean something for the kind, and what.</summary>
    public static string? RangeMeaning(JourneyFieldKind kind) => kind switch
    {
        JourneyFieldKind.Number => "value",
        JourneyFieldKind.Text or JourneyFieldKind.Multiline or JourneyFieldKind.Email or JourneyFieldKind.Phone => "length",
        JourneyFieldKind.MultiSelect => "choices",
        _ => null,
    };

    public static bool TakesPattern(JourneyFieldKind kind) =>
        kind is JourneyFieldKind.Text or JourneyFieldKind.Multiline or JourneyFieldKind.Email or JourneyFieldKind.Phone;
}
