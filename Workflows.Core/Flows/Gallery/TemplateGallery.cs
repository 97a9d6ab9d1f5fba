using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// The templates a builder can start from instead of an empty canvas, modelled on how German
/// energy suppliers and installers work. Their closing reasons and partners are those of the demo
/// catalogue, so each validates cleanly against it. Each carries its category as a label.
/// </summary>
public static class TemplateGallery
{
    public static IReadOnlyList<GalleryEntry> All { get; } =
    [
        Entry("solar-installation", SolarInstallationTemplate.Name, SolarInstallationTemplate.Description, "Installation", SolarInstallationTemplate.Create),
        Entry("meter-change", MeterChangeTemplate.Name, MeterChangeTemplate.Description, "Metering", MeterChangeTemplate.Create),
        Entry("customer-move-in", CustomerMoveInTemplate.Name, CustomerMoveInTemplate.Description, "Customer lifecycle", CustomerMoveInTemplate.Create),
        Entry("customer-onboarding", CustomerOnboardingTemplate.Name, CustomerOnboardingTemplate.Description, "Customer lifecycle", CustomerOnboardingTemplate.Create),
        Entry("complaint-handling", ComplaintHandlingTemplate.Name, ComplaintHandlingTemplate.Description, "Customer service", ComplaintHandlingTemplate.Create),
    ];

    private static GalleryEntry Entry(string key, string name, string description, string category, Func<FlowTemplate> create) =>
        new(key, name, description, category, () =>
        {
            var template = create();
            template.Taxonomies ??= [category];
            return template;
        });
}
