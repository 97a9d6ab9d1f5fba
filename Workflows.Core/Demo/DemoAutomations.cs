using Workflows.Core.Automations;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Demo;

/// <summary>
/// The demo's automations: the three the gallery templates run from their automation tasks (fixed ids), a manual
/// one for orders, and two that react to events (a won solar project, a new contact).
/// </summary>
public static class DemoAutomations
{
    public const string SendOfferEmail = "auto-send-offer-email";
    public const string SendMeterAppointment = "auto-send-meter-appointment";
    public const string SendWelcomeEmail = "auto-send-welcome-email";
    public const string SolarWon = "auto-solar-project-won";
    public const string OnboardNewContact = "auto-onboard-new-contact";
    public const string OrderConfirmation = "auto-order-confirmation";

    public static IReadOnlyList<Automation> All(Actor owner, DateTimeOffset now) =>
    [
        Make(owner, now, SendOfferEmail, T("SendOffer_Name"), T("SendOffer_Description"),
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "opportunity" }],
            [
                new AutomationAction
                {
                    Id = "offer-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.contact.email}}",
                    Subject = T("SendOffer_Subject"),
                    Body = T("SendOffer_Body"),
                },
                new AutomationAction
                {
                    Id = "offer-stage",
                    Type = AutomationActionType.UpdateEntity,
                    Assignments = [new AttributeAssignment { Attribute = "stage", Value = "offer" }],
                },
                new AutomationAction
                {
                    Id = "offer-note",
                    Type = AutomationActionType.AddNote,
                    Body = T("SendOffer_Note"),
                },
            ]),
        Make(owner, now, SendMeterAppointment, T("MeterAppointment_Name"), T("MeterAppointment_Description"),
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "order" }],
            [
                new AutomationAction
                {
                    Id = "meter-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.contact.email}}",
                    Subject = T("MeterAppointment_Subject"),
                    Body = T("MeterAppointment_Body"),
                },
                new AutomationAction
                {
                    Id = "meter-note",
                    Type = AutomationActionType.AddNote,
                    Body = T("MeterAppointment_Note"),
                },
            ]),
        Make(owner, now, SendWelcomeEmail, T("Welcome_Name"), T("Welcome_Description"),
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "contact" }],
            [
                new AutomationAction
                {
                    Id = "welcome-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.email}}",
                    Subject = T("Welcome_Subject"),
                    Body = T("Welcome_Body"),
                },
                new AutomationAction
                {
                    Id = "welcome-note",
                    Type = AutomationActionType.AddNote,
                    Body = T("Welcome_Note"),
                },
            ]),
        Make(owner, now, SolarWon, T("SolarWon_Name"), T("SolarWon_Description"),
            [new AutomationTrigger { Type = AutomationTriggerType.FlowCompleted, TemplateId = DemoWorkflows.TemplateId("solar-installation"), EntitySchema = "opportunity" }],
            [
                new AutomationAction
                {
                    Id = "won-stage",
                    Type = AutomationActionType.UpdateEntity,
                    Assignments = [new AttributeAssignment { Attribute = "stage", Value = "won" }],
                },
                new AutomationAction
                {
                    Id = "won-note",
                    Type = AutomationActionType.AddNote,
                    Body = T("SolarWon_Note"),
                },
            ]),
        Make(owner, now, OnboardNewContact, T("OnboardNewContact_Name"), T("OnboardNewContact_Description"),
            [new AutomationTrigger { Type = AutomationTriggerType.EntityCreated, EntitySchema = "contact" }],
            [
                new AutomationAction
                {
                    Id = "onboarding-start",
                    Type = AutomationActionType.TriggerWorkflow,
                    TemplateId = DemoWorkflows.TemplateId("customer-onboarding"),
                },
            ]),
        Make(owner, now, OrderConfirmation, T("OrderConfirmation_Name"), T("OrderConfirmation_Description"),
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "order" }],
            [
                new AutomationAction
                {
                    Id = "order-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.contact.email}}",
                    Subject = T("OrderConfirmation_Subject"),
                    Body = T("OrderConfirmation_Body"),
                },
                new AutomationAction
                {
                    Id = "order-note",
                    Type = AutomationActionType.AddNote,
                    Body = T("OrderConfirmation_Note"),
                },
            ]),
    ];

    private static Automation Make(
        Actor owner, DateTimeOffset now, string id, string name, string description, List<AutomationTrigger> triggers, List<AutomationAction> actions) => new()
    {
        Id = id,
        Name = name,
        Description = description,
        Triggers = triggers,
        Actions = actions,
        TriggerKinds = Automation.KindsOf(triggers),
        OwnerId = owner.Id,
        OwnerName = owner.Name,
        CreatedAt = now,
        UpdatedAt = now,
        UpdatedBy = owner.Name,
    };

    private static string T(string key) => Languages.Text<DemoText>(key);
}
