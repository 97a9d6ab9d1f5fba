namespace Workflows.Core.Demo;

/// <summary>The configuration section <c>Seed</c>: how the demo seed writes its content.</summary>
public sealed class SeedOptions
{
    /// <summary>
    /// The language (<c>de</c> or <c>en</c>) of the demo content: schema names and labels, records' prose, workflows,
    /// tasks, journeys, automations and their e-mails. Ids, attribute names and option values are the same in both.
    /// </summary>
    public string Language { get; set; } = Localization.Languages.German;
}
