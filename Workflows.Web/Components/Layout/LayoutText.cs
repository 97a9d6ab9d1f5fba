namespace Workflows.Web.Components.Layout;

/// <summary>
/// Names the resources (<c>LayoutText.resx</c>, <c>LayoutText.de.resx</c>) that hold the texts of the app's frame:
/// navigation, user menu, notifications, reconnect banner.
/// </summary>
public sealed class LayoutText;
