using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A rooftop PV system from qualified lead to registration: offer and contract, site survey and
/// sizing by roof area, installation by the installer partner, then the notice to the grid
/// operator and the Marktstammdatenregister entry that the law requires within a month.
/// </summary>
internal static class SolarInstallationTemplate
{
    public const string Name = "Solar installation";

    public const string Description =
        "Rooftop PV from qualified lead to grid registration: offer, contract, site survey, sizing by roof area, installation by the installer partner, grid operator notice and Marktstammdatenregister entry.";

    private const string Schema = "opportunity";

    private const string Sales = "solar-sales";
    private const string Planning = "solar-planning";
    private const string Installation = "solar-installation";
    private const string Grid = "solar-grid";

    private const string QualifyLead = "solar-qualify-lead";
    private const string SendOffer = "solar-send-offer";
    private const string SignContract = "solar-sign-contract";
    private const string SiteSurvey = "solar-site-survey";
    private const string CheckRoof = "solar-check-roof";
    private const string FullSystemBranch = "solar-roof-full";
    private const string SmallSystemBranch = "solar-roof-small";
    private const string PlanFullSystem = "solar-plan-full-system";
    private const string PlanSmallSystem = "solar-plan-small-system";
    private const string OrderMaterials = "solar-order-materials";
    private const string ScheduleInstallation = "solar-schedule-installation";
    private const string InstallSystem = "solar-install-system";
    private const string NotifyGridOperator = "solar-notify-grid-operator";
    private const string RegisterMastr = "solar-register-mastr";

    private static readonly Assignee Installer = Assignee.Of(GalleryCatalogue.SolarPartnerId);

    public static FlowTemplate Create() => new()
    {
        Name = Name,
        Description = Description,
        Enabled = true,
        Trigger = ManualOn(Schema),
        AssignedTo = [EntityOwner],
        DueDateConfig = AfterStart(12, TimeUnit.Weeks),
        Ecp = new EcpDetails { Label = "Your solar installation", Description = "Here you can follow your project from the offer to the grid connection." },
        Phases =
        [
            CustomerPhase(Sales, "Sales", "Offer and contract"),
            CustomerPhase(Planning, "Planning", "Planning your system", "We visit your roof and size the system to fit it."),
            CustomerPhase(Installation, "Installation", "Installation"),
            CustomerPhase(Grid, "Grid registration", "Connection to the grid", "We register your system with the grid operator and the Bundesnetzagentur."),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = QualifyLead,
                Name = "Qualify lead",
                PhaseId = Sales,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(2, TimeUnit.Days),
                Description = Markdown("""
                    Call the customer within two working days and check:
                    - owner of the building (tenants need the landlord's consent)
                    - roof orientation, pitch and shading; ask for **photos of the roof** and the meter cabinet
                    - annual consumption (kWh) from the last electricity bill
                    - interest in a battery storage or wallbox
                    """),
            },
            new FlowTask
            {
                Id = SendOffer,
                Name = "Send offer e-mail",
                TaskType = TaskType.AUTOMATION,
                PhaseId = Sales,
                AutomationConfig = new AutomationConfig { FlowId = "auto-send-offer-email" },
                TriggerMode = TriggerMode.Manual,
                Requirements = [TaskFinished(QualifyLead)],
                AssignedTo = [EntityOwner],
                Description = Markdown("Sends the offer PDF with the yield forecast to the customer's e-mail address. Run it once the offer is approved."),
            },
            new FlowTask
            {
                Id = SignContract,
                Name = "Sign contract",
                PhaseId = Sales,
                Ecp = ShownAs("Contract signed"),
                Requirements = [TaskFinished(SendOffer)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(14, TimeUnit.Days, SendOffer),
                Description = Markdown("The offer is binding for **14 days**. File the signed contract and the SEPA mandate on the opportunity."),
            },
            new FlowTask
            {
                Id = SiteSurvey,
                Name = "Conduct site survey",
                PhaseId = Planning,
                Ecp = ShownAs("Site visit", "An installer looks at your roof and meter cabinet."),
                Requirements = [PhaseFinished(Sales)],
                AssignedTo = [Installer],
                DueDateConfig = AfterPhase(7, TimeUnit.Days, Sales),
                Journey = new TaskJourney { JourneyId = "journey-site-survey", Name = "Site survey", CompleteTaskAutomatically = true },
                Description = Markdown("""
                    On site, record in the survey journey:
                    1. usable roof area in m² (`roof_size_m2`) and roof covering
                    2. condition of the meter cabinet and free space for the new meter
                    3. cable route from roof to meter cabinet
                    """),
            },
            new FlowTask
            {
                Id = CheckRoof,
                Name = "Check roof size",
                TaskType = TaskType.DECISION,
                PhaseId = Planning,
                TriggerMode = TriggerMode.Automatic,
                Conditions =
                [
                    Branch(FullSystemBranch, "Full system (30 m² and more)",
                        Attribute("solar-roof-full-size", Schema, "roof_size_m2", "number", Operator.GreaterThanOrEquals, "30")),
                    Branch(SmallSystemBranch, "Small system (under 30 m²)",
                        Attribute("solar-roof-small-size", Schema, "roof_size_m2", "number", Operator.LessThan, "30")),
                ],
            },
            new FlowTask
            {
                Id = PlanFullSystem,
                Name = "Plan full system with battery storage",
                PhaseId = Planning,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(3, TimeUnit.Days),
                Description = Markdown("Module layout for the whole usable roof and inverter and battery sizing; file the grid connection request (*Netzanschlussbegehren*) with the grid operator."),
            },
            new FlowTask
            {
                Id = PlanSmallSystem,
                Name = "Plan compact system",
                PhaseId = Planning,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(3, TimeUnit.Days),
                Description = Markdown("Module layout for the usable roof area and a string inverter without storage; file the grid connection request with the grid operator."),
            },
            new FlowTask
            {
                Id = OrderMaterials,
                Name = "Order materials",
                PhaseId = Planning,
                Requirements = [TaskFinished(SignContract)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
                Description = Markdown("Order modules, inverter, mounting system and, for a full system, the battery from the wholesaler. Note the delivery date on the opportunity."),
            },
            new FlowTask
            {
                Id = ScheduleInstallation,
                Name = "Schedule installation",
                PhaseId = Installation,
                Requirements = [TaskFinished(OrderMaterials)],
                AssignedTo = [Installer],
                DueDateConfig = AfterTask(5, TimeUnit.Days, OrderMaterials),
            },
            new FlowTask
            {
                Id = InstallSystem,
                Name = "Install and commission system",
                PhaseId = Installation,
                Ecp = ShownAs("Installation of your system"),
                Requirements = [TaskFinished(ScheduleInstallation)],
                AssignedTo = [Installer],
                DueDateConfig = AfterTask(3, TimeUnit.Weeks, ScheduleInstallation),
                Description = Markdown("Mount, wire and commission the system. Upload the **commissioning protocol** and photos of the finished installation."),
            },
            new FlowTask
            {
                Id = NotifyGridOperator,
                Name = "Send commissioning notice to grid operator",
                PhaseId = Grid,
                Requirements = [PhaseFinished(Installation)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterPhase(5, TimeUnit.Days, Installation),
                Description = Markdown("Send the commissioning protocol to the grid operator, who then exchanges the meter for a bidirectional one."),
            },
            new FlowTask
            {
                Id = RegisterMastr,
                Name = "Register system in the Marktstammdatenregister",
                PhaseId = Grid,
                Ecp = ShownAs("Registration with the Bundesnetzagentur"),
                Requirements = [TaskFinished(InstallSystem)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(1, TimeUnit.Months, InstallSystem),
                Description = Markdown("The operator must register the system with the Bundesnetzagentur **within one month** of commissioning; until then the grid operator may withhold the feed-in payment."),
            },
        ],
        Edges =
        [
            Edge(QualifyLead, SendOffer),
            Edge(SendOffer, SignContract),
            Edge(SignContract, SiteSurvey),
            Edge(SiteSurvey, CheckRoof),
            BranchEdge(CheckRoof, FullSystemBranch, PlanFullSystem),
            BranchEdge(CheckRoof, SmallSystemBranch, PlanSmallSystem),
            Edge(PlanFullSystem, OrderMaterials),
            Edge(PlanSmallSystem, OrderMaterials),
            Edge(OrderMaterials, ScheduleInstallation),
            Edge(ScheduleInstallation, InstallSystem),
            Edge(InstallSystem, NotifyGridOperator),
            Edge(NotifyGridOperator, RegisterMastr),
        ],
        ClosingReasons = ClosingReasonList("cr-customer-cancelled", "cr-not-feasible", "cr-other-provider", "cr-no-response"),
        SingleClosingReasonSelection = true,
        EntitySync =
        [
            .. StatusSync(Schema, "workflow_status"),
            ValueOnTaskCompleted(SignContract, "won", Schema, "stage"),
        ],
    };
}
