using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// The templates a builder can start from instead of an empty canvas, modelled on how German
/// energy suppliers and installers work. Their closing reasons and partners are those of the demo
/// catalogue, so each validates cleanly against it. Each carries its category as a label.
/// </summary>
public static class TemplateGallery
{
    /// <summary>The templates in the current UI culture's language: names, descriptions and what <see cref="GalleryEntry.Create"/> makes.</summary>
    public static IReadOnlyList<GalleryEntry> All =>
    [
        Entry("solar-installation", SolarInstallationTemplate.Name, SolarInstallationTemplate.Description, T("Category_Installation"), SolarInstallationTemplate.Create),
        Entry("meter-change", MeterChangeTemplate.Name, MeterChangeTemplate.Description, T("Category_Metering"), MeterChangeTemplate.Create),
        Entry("customer-move-in", CustomerMoveInTemplate.Name, CustomerMoveInTemplate.Description, T("Category_CustomerLifecycle"), CustomerMoveInTemplate.Create),
        Entry("customer-onboarding", CustomerOnboardingTemplate.Name, CustomerOnboardingTemplate.Description, T("Category_CustomerLifecycle"), CustomerOnboardingTemplate.Create),
        Entry("complaint-handling", ComplaintHandlingTemplate.Name, ComplaintHandlingTemplate.Description, T("Category_CustomerService"), ComplaintHandlingTemplate.Create),
    ];

    private static GalleryEntry Entry(string key, string name, string description, string category, Func<FlowTemplate> create) =>
        new(key, name, description, category, () =>
        {
            var template = create();
            template.Taxonomies ??= [category];
            return template;
        });

    private static string T(string key) => Languages.Text<GalleryText>(key);
}
