using Workflows.Core.Automations;
using Workflows.Core.Identity;

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
        Make(owner, now, SendOfferEmail, "Send solar offer e-mail",
            "Run from the \"Send offer e-mail\" task of Solar installation: mails the offer to the opportunity's contact, moves the stage to offer and notes it.",
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "opportunity" }],
            [
                new AutomationAction
                {
                    Id = "offer-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.contact.email}}",
                    Subject = "Your offer: {{entity.title}}",
                    Body = """
                        Dear {{entity.contact.first_name}} {{entity.contact.last_name}},

                        thank you for your interest. Please find our offer for "{{entity.title}}" attached: {{entity.amount}} EUR including installation.
                        The offer is binding for 14 days.

                        Kind regards
                        Your solar team
                        """,
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
                    Body = "Offer e-mail sent to **{{entity.contact.email}}** ({{entity.amount}} EUR) by \"{{task.name}}\" in {{workflow.name}}.",
                },
            ]),
        Make(owner, now, SendMeterAppointment, "Send meter appointment notice",
            "Run by the \"Send appointment notice\" task of Meter change: tells the customer when the meter is exchanged.",
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "order" }],
            [
                new AutomationAction
                {
                    Id = "meter-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.contact.email}}",
                    Subject = "Your meter change appointment ({{entity.order_number}})",
                    Body = """
                        Dear {{entity.contact.first_name}} {{entity.contact.last_name}},

                        our technician will exchange your meter {{entity.meter_number}} on {{entity.installation_date}}.
                        Please make sure the meter cabinet is accessible.

                        Kind regards
                        Netzwerk Messdienst
                        """,
                },
                new AutomationAction
                {
                    Id = "meter-note",
                    Type = AutomationActionType.AddNote,
                    Body = "Appointment notice for {{entity.installation_date}} sent to {{entity.contact.email}}.",
                },
            ]),
        Make(owner, now, SendWelcomeEmail, "Send welcome e-mail",
            "Run by the \"Send welcome e-mail\" task of Customer onboarding.",
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "contact" }],
            [
                new AutomationAction
                {
                    Id = "welcome-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.email}}",
                    Subject = "Welcome, {{entity.first_name}}!",
                    Body = """
                        Dear {{entity.first_name}} {{entity.last_name}},

                        welcome! Your customer account is ready. We will call you in the next days to check your details.

                        Kind regards
                        Customer service
                        """,
                },
                new AutomationAction
                {
                    Id = "welcome-note",
                    Type = AutomationActionType.AddNote,
                    Body = "Welcome e-mail sent to {{entity.email}}.",
                },
            ]),
        Make(owner, now, SolarWon, "Solar project won",
            "When a Solar installation workflow is completed, the opportunity's stage becomes won.",
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
                    Body = "{{workflow.name}} completed: stage set to **won**.",
                },
            ]),
        Make(owner, now, OnboardNewContact, "Onboard new contacts",
            "Every new contact starts the Customer onboarding workflow.",
            [new AutomationTrigger { Type = AutomationTriggerType.EntityCreated, EntitySchema = "contact" }],
            [
                new AutomationAction
                {
                    Id = "onboarding-start",
                    Type = AutomationActionType.TriggerWorkflow,
                    TemplateId = DemoWorkflows.TemplateId("customer-onboarding"),
                },
            ]),
        Make(owner, now, OrderConfirmation, "Send order confirmation",
            "Run by hand on an order: mails the confirmation to the order's contact and notes it.",
            [new AutomationTrigger { Type = AutomationTriggerType.Manual, EntitySchema = "order" }],
            [
                new AutomationAction
                {
                    Id = "order-mail",
                    Type = AutomationActionType.SendEmail,
                    To = "{{entity.contact.email}}",
                    Subject = "Order confirmation {{entity.order_number}}",
                    Body = """
                        Dear {{entity.contact.first_name}} {{entity.contact.last_name}},

                        we confirm your order {{entity.order_number}} ({{entity.product}}, {{entity.total}} EUR) of {{entity.order_date}}.

                        Kind regards
                        Your sales team
                        """,
                },
                new AutomationAction
                {
                    Id = "order-note",
                    Type = AutomationActionType.AddNote,
                    Body = "Order confirmation sent to {{entity.contact.email}}.",
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
}
