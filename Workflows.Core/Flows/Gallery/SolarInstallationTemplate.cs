using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A rooftop PV system from qualified lead to registration: offer and contract, site survey and
/// sizing by roof area, installation by the installer partner, then the notice to the grid
/// operator and the Marktstammdatenregister entry that the law requires within a month.
/// </summary>
internal static class SolarInstallationTemplate
{
    public static string Name => T("Solar_Name");

    public static string Description => T("Solar_Description");

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
        Ecp = new EcpDetails { Label = T("Solar_Progress_Label"), Description = T("Solar_Progress_Description") },
        Phases =
        [
            CustomerPhase(Sales, T("Solar_Sales"), T("Solar_Sales_Customer")),
            CustomerPhase(Planning, T("Solar_Planning"), T("Solar_Planning_Customer"), T("Solar_Planning_CustomerDescription")),
            CustomerPhase(Installation, T("Solar_Installation"), T("Solar_Installation_Customer")),
            CustomerPhase(Grid, T("Solar_Grid"), T("Solar_Grid_Customer"), T("Solar_Grid_CustomerDescription")),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = QualifyLead,
                Name = T("Solar_QualifyLead"),
                PhaseId = Sales,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(2, TimeUnit.Days),
                Description = Markdown(T("Solar_QualifyLead_Description")),
            },
            new FlowTask
            {
                Id = SendOffer,
                Name = T("Solar_SendOffer"),
                TaskType = TaskType.AUTOMATION,
                PhaseId = Sales,
                AutomationConfig = new AutomationConfig { FlowId = "auto-send-offer-email" },
                TriggerMode = TriggerMode.Manual,
                Requirements = [TaskFinished(QualifyLead)],
                AssignedTo = [EntityOwner],
                Description = Markdown(T("Solar_SendOffer_Description")),
            },
            new FlowTask
            {
                Id = SignContract,
                Name = T("Solar_SignContract"),
                PhaseId = Sales,
                Ecp = ShownAs(T("Solar_SignContract_Customer")),
                Requirements = [TaskFinished(SendOffer)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(14, TimeUnit.Days, SendOffer),
                Description = Markdown(T("Solar_SignContract_Description")),
            },
            new FlowTask
            {
                Id = SiteSurvey,
                Name = T("Solar_SiteSurvey"),
                PhaseId = Planning,
                Ecp = ShownAs(T("Solar_SiteSurvey_Customer"), T("Solar_SiteSurvey_CustomerDescription")),
                Requirements = [PhaseFinished(Sales)],
                AssignedTo = [Installer],
                DueDateConfig = AfterPhase(7, TimeUnit.Days, Sales),
                Journey = new TaskJourney { JourneyId = "journey-site-survey", Name = T("Solar_SiteSurvey_Journey"), CompleteTaskAutomatically = true },
                Description = Markdown(T("Solar_SiteSurvey_Description")),
            },
            new FlowTask
            {
                Id = CheckRoof,
                Name = T("Solar_CheckRoof"),
                TaskType = TaskType.DECISION,
                PhaseId = Planning,
                TriggerMode = TriggerMode.Automatic,
                Conditions =
                [
                    Branch(FullSystemBranch, T("Solar_FullSystem"),
                        Attribute("solar-roof-full-size", Schema, "roof_size_m2", "number", Operator.GreaterThanOrEquals, "30")),
                    Branch(SmallSystemBranch, T("Solar_SmallSystem"),
                        Attribute("solar-roof-small-size", Schema, "roof_size_m2", "number", Operator.LessThan, "30")),
                ],
            },
            new FlowTask
            {
                Id = PlanFullSystem,
                Name = T("Solar_PlanFullSystem"),
                PhaseId = Planning,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(3, TimeUnit.Days),
                Description = Markdown(T("Solar_PlanFullSystem_Description")),
            },
            new FlowTask
            {
                Id = PlanSmallSystem,
                Name = T("Solar_PlanSmallSystem"),
                PhaseId = Planning,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(3, TimeUnit.Days),
                Description = Markdown(T("Solar_PlanSmallSystem_Description")),
            },
            new FlowTask
            {
                Id = OrderMaterials,
                Name = T("Solar_OrderMaterials"),
                PhaseId = Planning,
                Requirements = [TaskFinished(SignContract)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
                Description = Markdown(T("Solar_OrderMaterials_Description")),
            },
            new FlowTask
            {
                Id = ScheduleInstallation,
                Name = T("Solar_ScheduleInstallation"),
                PhaseId = Installation,
                Requirements = [TaskFinished(OrderMaterials)],
                AssignedTo = [Installer],
                DueDateConfig = AfterTask(5, TimeUnit.Days, OrderMaterials),
            },
            new FlowTask
            {
                Id = InstallSystem,
                Name = T("Solar_InstallSystem"),
                PhaseId = Installation,
                Ecp = ShownAs(T("Solar_InstallSystem_Customer")),
                Requirements = [TaskFinished(ScheduleInstallation)],
                AssignedTo = [Installer],
                DueDateConfig = AfterTask(3, TimeUnit.Weeks, ScheduleInstallation),
                Description = Markdown(T("Solar_InstallSystem_Description")),
            },
            new FlowTask
            {
                Id = NotifyGridOperator,
                Name = T("Solar_NotifyGridOperator"),
                PhaseId = Grid,
                Requirements = [PhaseFinished(Installation)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterPhase(5, TimeUnit.Days, Installation),
                Description = Markdown(T("Solar_NotifyGridOperator_Description")),
            },
            new FlowTask
            {
                Id = RegisterMastr,
                Name = T("Solar_RegisterMastr"),
                PhaseId = Grid,
                Ecp = ShownAs(T("Solar_RegisterMastr_Customer")),
                Requirements = [TaskFinished(InstallSystem)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(1, TimeUnit.Months, InstallSystem),
                Description = Markdown(T("Solar_RegisterMastr_Description")),
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

    private static string T(string key) => Languages.Text<GalleryText>(key);
}
