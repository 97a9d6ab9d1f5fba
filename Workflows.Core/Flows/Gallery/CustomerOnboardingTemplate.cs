using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// The first weeks of a new customer, one step after the other ("Sequential workflow"): welcome,
/// verified data, direct debit, portal access, welcome call and a first feedback.
/// </summary>
internal static class CustomerOnboardingTemplate
{
    public static string Name => T("Onboarding_Name");

    public static string Description => T("Onboarding_Description");

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
            Phase(Welcome, T("Onboarding_Welcome")),
            Phase(Activation, T("Onboarding_Activation")),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = SendWelcomeEmail,
                Name = T("Onboarding_SendWelcomeEmail"),
                TaskType = TaskType.AUTOMATION,
                PhaseId = Welcome,
                AutomationConfig = new AutomationConfig { FlowId = "auto-send-welcome-email" },
                TriggerMode = TriggerMode.Automatic,
            },
            new FlowTask
            {
                Id = VerifyData,
                Name = T("Onboarding_VerifyData"),
                PhaseId = Welcome,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(2, TimeUnit.Days),
                Description = Markdown(T("Onboarding_VerifyData_Description")),
            },
            new FlowTask
            {
                Id = CollectSepaMandate,
                Name = T("Onboarding_CollectSepaMandate"),
                PhaseId = Welcome,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(5, TimeUnit.Days, VerifyData),
                Journey = new TaskJourney { JourneyId = "journey-sepa-mandate", Name = T("Onboarding_SepaJourney"), CompleteTaskAutomatically = true },
            },
            new FlowTask
            {
                Id = InviteToPortal,
                Name = T("Onboarding_InviteToPortal"),
                PhaseId = Activation,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
            },
            new FlowTask
            {
                Id = WelcomeCall,
                Name = T("Onboarding_WelcomeCall"),
                PhaseId = Activation,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(2, TimeUnit.Weeks),
                Description = Markdown(T("Onboarding_WelcomeCall_Description")),
            },
            new FlowTask
            {
                Id = AskForFeedback,
                Name = T("Onboarding_AskForFeedback"),
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

    private static string T(string key) => Languages.Text<GalleryText>(key);
}
