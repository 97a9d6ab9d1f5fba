using Workflows.Core.Flows.Templates;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// The first weeks of a new customer, one step after the other ("Sequential workflow"): welcome,
/// verified data, direct debit, portal access, welcome call and a first feedback.
/// </summary>
internal static class CustomerOnboardingTemplate
{
    public const string Name = "Customer onboarding";

    public const string Description =
        "The first weeks of a new customer, step by step: welcome e-mail, data check, SEPA mandate, portal access, welcome call and feedback.";

    private const string Schema = "contact";

    private const string Welcome = "onboarding-welcome";
    private const string Activation = "onboarding-activation";

    private const string SendWelcomeEmail = "onboarding-send-welcome-email";
    private const string VerifyData = "onboarding-verify-data";
    private const string CollectSepaMandate = "onboarding-collect-sepa-mandate";
    private const string InviteToPortal = "onboarding-invite-to-portal";
    private const string WelcomeCall = "onboarding-welcome-call";
    private const string AskForFeedback = "onboarding-ask-for-feedback";

    public static FlowTemplate Create() => new()
    {
        Name = Name,
        Description = Description,
        Enabled = true,
        Trigger = ManualOn(Schema),
        Linear = true,
        AssignedTo = [EntityOwner],
        DueDateConfig = AfterStart(6, TimeUnit.Weeks),
        Phases =
        [
            Phase(Welcome, "Welcome"),
            Phase(Activation, "Activation"),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = SendWelcomeEmail,
                Name = "Send welcome e-mail",
                TaskType = TaskType.AUTOMATION,
                PhaseId = Welcome,
                AutomationConfig = new AutomationConfig { FlowId = "auto-send-welcome-email" },
                TriggerMode = TriggerMode.Automatic,
            },
            new FlowTask
            {
                Id = VerifyData,
                Name = "Verify contact and bank details",
                PhaseId = Welcome,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(2, TimeUnit.Days),
                Description = Markdown("Check name, address, e-mail and phone against the contract; the IBAN must belong to the account holder named in the contract."),
            },
            new FlowTask
            {
                Id = CollectSepaMandate,
                Name = "Collect SEPA direct debit mandate",
                PhaseId = Welcome,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(5, TimeUnit.Days, VerifyData),
                Journey = new TaskJourney { JourneyId = "journey-sepa-mandate", Name = "SEPA mandate", CompleteTaskAutomatically = true },
            },
            new FlowTask
            {
                Id = InviteToPortal,
                Name = "Invite to customer portal",
                PhaseId = Activation,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
            },
            new FlowTask
            {
                Id = WelcomeCall,
                Name = "Make welcome call",
                PhaseId = Activation,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(2, TimeUnit.Weeks),
                Description = Markdown("""
                    A short call to:
                    - explain the first bill and the monthly advance payment
                    - show where meter readings are entered in the portal
                    - ask about plans for a heat pump, wallbox or PV (note them as tags)
                    """),
            },
            new FlowTask
            {
                Id = AskForFeedback,
                Name = "Ask for feedback",
                PhaseId = Activation,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(30, TimeUnit.Days),
            },
        ],
        Edges =
        [
            Edge(SendWelcomeEmail, VerifyData),
            Edge(VerifyData, CollectSepaMandate),
            Edge(CollectSepaMandate, InviteToPortal),
            Edge(InviteToPortal, WelcomeCall),
            Edge(WelcomeCall, AskForFeedback),
        ],
        ClosingReasons = ClosingReasonList("cr-customer-cancelled", "cr-no-response", "cr-duplicate"),
        SingleClosingReasonSelection = true,
    };
}
