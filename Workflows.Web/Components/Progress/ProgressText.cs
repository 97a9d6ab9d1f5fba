namespace Workflows.Web.Components.Progress;

/// <summary>
/// Names the resources (<c>ProgressText.resx</c>, <c>ProgressText.de.resx</c>) that hold the customer progress page's
/// texts, for <c>IStringLocalizer&lt;ProgressText&gt;</c>.
/// </summary>
public sealed class ProgressText;
