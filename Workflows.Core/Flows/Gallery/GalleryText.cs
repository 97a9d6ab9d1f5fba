namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// Names the resources (<c>GalleryText.resx</c>, <c>GalleryText.de.resx</c>) that hold the gallery templates' words:
/// names, phases, tasks and their descriptions, branches and closing reasons, in the language of whoever takes one.
/// </summary>
public sealed class GalleryText;
