namespace Workflows.Web.Components.Journeys;

/// <summary>
/// Names the resources (<c>JourneyText.resx</c>, <c>JourneyText.de.resx</c>) that hold the texts of the journeys:
/// the list, the editor and its preview, the runner a person fills in, the sidebar dialog, the share dialog and the
/// external page opened by link.
/// </summary>
public sealed class JourneyText;
