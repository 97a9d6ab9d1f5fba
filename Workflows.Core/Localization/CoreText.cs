namespace Workflows.Core.Localization;

/// <summary>
/// Names the resources (<c>CoreText.resx</c>, <c>CoreText.de.resx</c>) that hold what Core writes for people itself:
/// notifications and e-mails, rendered in each recipient's language (<see cref="Languages.Text{TArea}"/>), and the
/// words for its own kinds (priorities, journey field kinds) that the UI and refusals both use.
/// </summary>
public sealed class CoreText;
