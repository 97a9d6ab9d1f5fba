namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// The templates a builder can start from instead of an empty canvas, modelled on how German
/// energy suppliers and installers work. Their closing reasons and partners are those of the demo
/// catalogue, so each validates cleanly against it.
/// </summary>
public static class TemplateGallery
{
    public static IReadOnlyList<GalleryEntry> All { get; } =
    [
        new("solar-installation", SolarInstallationTemplate.Name, SolarInstallationTemplate.Description, "Installation", SolarInstallationTemplate.Create),
        new("meter-change", MeterChangeTemplate.Name, MeterChangeTemplate.Description, "Metering", MeterChangeTemplate.Create),
        new("customer-move-in", CustomerMoveInTemplate.Name, CustomerMoveInTemplate.Description, "Customer lifecycle", CustomerMoveInTemplate.Create),
        new("customer-onboarding", CustomerOnboardingTemplate.Name, CustomerOnboardingTemplate.Description, "Customer lifecycle", CustomerOnboardingTemplate.Create),
        new("complaint-handling", ComplaintHandlingTemplate.Name, ComplaintHandlingTemplate.Description, "Customer service", ComplaintHandlingTemplate.Create),
    ];
}
