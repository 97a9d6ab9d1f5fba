namespace Workflows.Core.Journeys;

/// <summary>
/// One question of a journey, bound to an attribute of the journey's schema. <see cref="Min"/> and <see cref="Max"/>
/// bound a number's value, a text's length or how many options a multi-select takes.
/// </summary>
public sealed class JourneyField
{
    public required string Attribute { get; set; }

    public JourneyFieldKind Kind { get; set; }

    public required string Label { get; set; }

    public string? HelpText { get; set; }

    public bool Required { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>A regular expression the whole answer must match (text, multiline, e-mail, phone).</summary>
    public string? Pattern { get; set; }

    /// <summary>What to tell the person when <see cref="Pattern"/> does not match.</summary>
    public string? PatternMessage { get; set; }
}
