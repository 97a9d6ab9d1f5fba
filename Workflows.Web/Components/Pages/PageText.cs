namespace Workflows.Web.Components.Pages;

/// <summary>
/// Names the resources (<c>PageText.resx</c>, <c>PageText.de.resx</c>) that hold the texts of the app's general pages:
/// start, not found and error, and the dialog that shares a workflow's progress with its customer.
/// </summary>
public sealed class PageText;
