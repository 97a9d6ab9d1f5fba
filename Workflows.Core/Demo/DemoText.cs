namespace Workflows.Core.Demo;

/// <summary>
/// Names the resources (<c>DemoText.resx</c>, <c>DemoText.de.resx</c>) that hold the demo seed's words: schema names and
/// labels, journeys, automations and their e-mails, teams, written in the language <c>Seed:Language</c> names.
/// </summary>
public sealed class DemoText;
