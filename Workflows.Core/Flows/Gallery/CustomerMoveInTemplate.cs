using Workflows.Core.Flows.Templates;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A customer moves into a new home and takes electricity from us there: capture the move-in
/// data, check the customer as a private or business customer, register the supply with the grid
/// operator and confirm the contract with its advance payments.
/// </summary>
internal static class CustomerMoveInTemplate
{
    public const string Name = "Customer move-in";

    public const string Description =
        "Supply for a new home: move-in date and meter reading, checks for private or business customers, supply registration with the grid operator, contract confirmation and advance payments.";

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
            Phase(Intake, "Intake"),
            Phase(Checks, "Checks"),
            Phase(SupplyStart, "Supply start"),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = CaptureDetails,
                Name = "Capture move-in details",
                PhaseId = Intake,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(1, TimeUnit.Days),
                Journey = new TaskJourney { JourneyId = "journey-move-in", Name = "Move-in details", CompleteTaskAutomatically = true },
                Description = Markdown("""
                    The move-in journey asks the customer for:
                    - move-in date and the new address
                    - meter number and the **meter reading on the move-in day**
                    - previous supplier, if the customer wants us to cancel there
                    """),
            },
            new FlowTask
            {
                Id = CheckCustomerType,
                Name = "Private or business customer?",
                TaskType = TaskType.DECISION,
                PhaseId = Checks,
                TriggerMode = TriggerMode.Automatic,
                Requirements = [TaskFinished(CaptureDetails)],
                Conditions =
                [
                    Branch(PrivateBranch, "Private customer",
                        Attribute("movein-private-type", Schema, "customer_type", "select", Operator.Equal, "private")),
                    Branch(BusinessBranch, "Business customer",
                        Attribute("movein-business-type", Schema, "customer_type", "select", Operator.Equal, "business")),
                ],
            },
            new FlowTask
            {
                Id = CreditCheck,
                Name = "Run credit check",
                PhaseId = Checks,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(1, TimeUnit.Days),
                Description = Markdown("Request a credit report. If it fails, offer a prepayment tariff or close the workflow with *Credit check failed*."),
            },
            new FlowTask
            {
                Id = VerifyBusiness,
                Name = "Verify company details",
                PhaseId = Checks,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
                Description = Markdown("Check the commercial register entry and the VAT ID, and whether the expected consumption needs a commercial tariff."),
            },
            new FlowTask
            {
                Id = ClarifyType,
                Name = "Clarify customer type with customer",
                PhaseId = Checks,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(2, TimeUnit.Days),
                Description = Markdown("The contact has no customer type. Ask the customer, set *Customer type* on the contact, and run the matching check."),
            },
            new FlowTask
            {
                Id = RegisterSupply,
                Name = "Register supply with grid operator",
                PhaseId = SupplyStart,
                Requirements = [PhaseFinished(Checks)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterPhase(2, TimeUnit.Days, Checks),
                Description = Markdown("Register the supply start at the move-in date with the grid operator of the new address, quoting the market location and the meter reading."),
            },
            new FlowTask
            {
                Id = SetUpAdvancePayments,
                Name = "Set up advance payment plan",
                PhaseId = SupplyStart,
                Requirements = [TaskFinished(RegisterSupply)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(3, TimeUnit.Days, RegisterSupply),
            },
            new FlowTask
            {
                Id = ConfirmContract,
                Name = "Send contract confirmation",
                PhaseId = SupplyStart,
                Requirements = [TaskFinished(SetUpAdvancePayments)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterTask(1, TimeUnit.Days, SetUpAdvancePayments),
                Description = Markdown("Confirm supply start, tariff, price guarantee and the monthly advance payment in writing."),
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
}
