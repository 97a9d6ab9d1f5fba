namespace Workflows.Core.Localization;

/// <summary>
/// Names the resources (<c>CoreText.resx</c>, <c>CoreText.de.resx</c>) that hold what Core writes for people itself:
/// notifications and e-mails, rendered in each recipient's language (<see cref="Languages.Text{TArea}"/>).
/// </summary>
public sealed class CoreText;
