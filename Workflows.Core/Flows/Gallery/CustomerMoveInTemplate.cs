using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A customer moves into a new home and takes electricity from us there: capture the move-in
/// data, check the customer as a private or business customer, register the supply with the grid
/// operator and confirm the contract with its advance payments.
/// </summary>
internal static class CustomerMoveInTemplate
{
    public static string Name => T("MoveIn_Name");

    public static string Description => T("MoveIn_Description");

    private const string Schema = "contact";

    private const string Intake = "movein-intake";
    private const string Checks = "movein-checks";
    private const string SupplyStart = "movein-supply-start";

    private const string CaptureDetails = "movein-capture-details";
    private const string CheckCustomerType = "movein-check-customer-type";
    private const string PrivateBranch = "movein-private";
    private const string BusinessBranch = "movein-business";
    private const string CreditCheck = "movein-credit-check";
    private const string VerifyBusiness = "movein-verify-business";
    private const string ClarifyType = "movein-clarify-customer-type";
    private const string RegisterSupply = "movein-register-supply";
    private const string SetUpAdvancePayments = "movein-set-up-advance-payments";
    private const string ConfirmContract = "movein-confirm-contract";

    public static FlowTemplate Create() => new()
    {
        Name = Name,
        Description = Description,
        Enabled = true,
        Trigger = ManualOn(Schema),
        AssignedTo = [EntityOwner],
        DueDateConfig = AfterStart(3, TimeUnit.Weeks),
        Phases =
        [
            Phase(Intake, T("MoveIn_Intake")),
            Phase(Checks, T("MoveIn_Checks")),
            Phase(SupplyStart, T("MoveIn_SupplyStart")),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = CaptureDetails,
                Name = T("MoveIn_CaptureDetails"),
                PhaseId = Intake,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(1, TimeUnit.Days),
                Journey = new TaskJourney { JourneyId = "journey-move-in", Name = T("MoveIn_Journey"), CompleteTaskAutomatically = true },
                Description = Markdown(T("MoveIn_CaptureDetails_Description")),
            },
            new FlowTask
            {
                Id = CheckCustomerType,
                Name = T("MoveIn_CheckCustomerType"),
                TaskType = TaskType.DECISION,
                PhaseId = Checks,
                TriggerMode = TriggerMode.Automatic,
                Requirements = [TaskFinished(CaptureDetails)],
                Conditions =
                [
                    Branch(PrivateBranch, T("MoveIn_PrivateCustomer"),
                        Attribute("movein-private-type", Schema, "customer_type", "select", Operator.Equal, "private")),
                    Branch(BusinessBranch, T("MoveIn_BusinessCustomer"),
                        Attribute("movein-business-type", Schema, "customer_type", "select", Operator.Equal, "business")),
                ],
            },
            new FlowTask
            {
                Id = CreditCheck,
                Name = T("MoveIn_CreditCheck"),
                PhaseId = Checks,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(1, TimeUnit.Days),
                Description = Markdown(T("MoveIn_CreditCheck_Description")),
            },
            new FlowTask
            {
                Id = VerifyBusiness,
                Name = T("MoveIn_VerifyBusiness"),
                PhaseId = Checks,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
                Description = Markdown(T("MoveIn_VerifyBusiness_Description")),
            },
            new FlowTask
            {
                Id = ClarifyType,
                Name = T("MoveIn_ClarifyType"),
                PhaseId = Checks,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
                Description = Markdown(T("MoveIn_ClarifyType_Description")),
            },
            new FlowTask
            {
                Id = RegisterSupply,
                Name = T("MoveIn_RegisterSupply"),
                PhaseId = SupplyStart,
                Requirements = [PhaseFinished(Checks)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterPhase(2, TimeUnit.Days, Checks),
                Description = Markdown(T("MoveIn_RegisterSupply_Description")),
            },
            new FlowTask
            {
                Id = SetUpAdvancePayments,
                Name = T("MoveIn_SetUpAdvancePayments"),
                PhaseId = SupplyStart,
                Requirements = [TaskFinished(RegisterSupply)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(3, TimeUnit.Days, RegisterSupply),
            },
            new FlowTask
            {
                Id = ConfirmContract,
                Name = T("MoveIn_ConfirmContract"),
                PhaseId = SupplyStart,
                Requirements = [TaskFinished(SetUpAdvancePayments)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(1, TimeUnit.Days, SetUpAdvancePayments),
                Description = Markdown(T("MoveIn_ConfirmContract_Description")),
            },
        ],
        Edges =
        [
            Edge(CaptureDetails, CheckCustomerType),
            BranchEdge(CheckCustomerType, PrivateBranch, CreditCheck),
            BranchEdge(CheckCustomerType, BusinessBranch, VerifyBusiness),
            DefaultEdge(CheckCustomerType, ClarifyType),
            Edge(CreditCheck, RegisterSupply),
            Edge(VerifyBusiness, RegisterSupply),
            Edge(ClarifyType, RegisterSupply),
            Edge(RegisterSupply, SetUpAdvancePayments),
            Edge(SetUpAdvancePayments, ConfirmContract),
        ],
        ClosingReasons = ClosingReasonList("cr-credit-check", "cr-customer-cancelled", "cr-duplicate", "cr-other-provider"),
        SingleClosingReasonSelection = true,
    };

    private static string T(string key) => Languages.Text<GalleryText>(key);
}
