using Workflows.Core.Flows.Templates;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A consumer complaint under service-level deadlines in hours: acknowledged within a day, routed
/// to every team it concerns (a VIP business customer goes to both), answered in writing within
/// the four weeks § 111a EnWG allows, and escalated when the customer is not satisfied.
/// </summary>
internal static class ComplaintHandlingTemplate
{
    public const string Name = "Complaint handling";

    public const string Description =
        "Consumer complaints with SLA deadlines: acknowledgement within 24 hours, routing by customer, investigation, escalation if the customer is not satisfied, written answer within four weeks.";

    private const string Schema = "contact";

    private const string Intake = "complaint-intake";
    private const string Resolution = "complaint-resolution";
    private const string Answer = "complaint-answer";

    private const string RecordComplaint = "complaint-record";
    private const string Acknowledge = "complaint-acknowledge";
    private const string Route = "complaint-route";
    private const string VipBranch = "complaint-vip";
    private const string BusinessBranch = "complaint-business";
    private const string PriorityCallBack = "complaint-priority-call-back";
    private const string InformKeyAccount = "complaint-inform-key-account";
    private const string AssignToServiceTeam = "complaint-assign-to-service-team";
    private const string Investigate = "complaint-investigate";
    private const string CustomerSatisfied = "complaint-customer-satisfied";
    private const string SatisfiedBranch = "complaint-satisfied";
    private const string NotSatisfiedBranch = "complaint-not-satisfied";
    private const string Escalate = "complaint-escalate";
    private const string SendWrittenAnswer = "complaint-send-written-answer";

    public static FlowTemplate Create() => new()
    {
        Name = Name,
        Description = Description,
        Enabled = true,
        Trigger = ManualOn(Schema),
        AssignedTo = [WorkflowStarter],
        DueDateConfig = AfterStart(4, TimeUnit.Weeks),
        Phases =
        [
            Phase(Intake, "Intake"),
            Phase(Resolution, "Resolution"),
            Phase(Answer, "Answer"),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = RecordComplaint,
                Name = "Record complaint",
                PhaseId = Intake,
                AssignedTo = [WorkflowStarter],
                DueDateConfig = AfterStart(4, TimeUnit.Hours),
                Description = Markdown("Note what the customer complains about (bill, meter reading, price change, service), since when, and what they expect, as a note on this task."),
            },
            new FlowTask
            {
                Id = Acknowledge,
                Name = "Acknowledge receipt to customer",
                PhaseId = Intake,
                Requirements = [TaskFinished(RecordComplaint)],
                AssignedTo = [WorkflowStarter],
                DueDateConfig = AfterStart(24, TimeUnit.Hours),
            },
            new FlowTask
            {
                Id = Route,
                Name = "Route complaint",
                TaskType = TaskType.DECISION,
                PhaseId = Intake,
                TriggerMode = TriggerMode.Automatic,
                AllowParallelExecution = true,
                Conditions =
                [
                    Branch(VipBranch, "VIP customer",
                        Attribute("complaint-vip-tag", Schema, "tags", "multiselect", Operator.Contains, "vip")),
                    Branch(BusinessBranch, "Business customer",
                        Attribute("complaint-business-type", Schema, "customer_type", "select", Operator.Equal, "business")),
                ],
            },
            new FlowTask
            {
                Id = PriorityCallBack,
                Name = "Priority call-back",
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(4, TimeUnit.Hours),
                Description = Markdown("VIP customers get a personal call from a senior agent **within 4 hours**."),
            },
            new FlowTask
            {
                Id = InformKeyAccount,
                Name = "Inform key account manager",
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(8, TimeUnit.Hours),
            },
            new FlowTask
            {
                Id = AssignToServiceTeam,
                Name = "Assign to customer service team",
                PhaseId = Resolution,
                AssignedTo = [WorkflowStarter],
                DueDateConfig = AfterAPrecedingTask(8, TimeUnit.Hours),
            },
            new FlowTask
            {
                Id = Investigate,
                Name = "Investigate and propose solution",
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(10, TimeUnit.Days),
                Description = Markdown("""
                    Check the bill, the meter readings and the contract history. Typical solutions:
                    - correct the bill on an estimated or wrong reading
                    - adjust the advance payment
                    - a goodwill credit (up to 50 EUR without approval)
                    """),
            },
            new FlowTask
            {
                Id = CustomerSatisfied,
                Name = "Customer satisfied with the solution?",
                TaskType = TaskType.DECISION,
                PhaseId = Resolution,
                TriggerMode = TriggerMode.Manual,
                Requirements = [TaskFinished(Investigate)],
                Conditions =
                [
                    ChoiceBranch(SatisfiedBranch, "Satisfied"),
                    ChoiceBranch(NotSatisfiedBranch, "Not satisfied"),
                ],
            },
            new FlowTask
            {
                Id = Escalate,
                Name = "Escalate to team lead",
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(48, TimeUnit.Hours),
                Description = Markdown("The team lead reviews the case and decides on a further offer before the written answer goes out."),
            },
            new FlowTask
            {
                Id = SendWrittenAnswer,
                Name = "Send written answer",
                PhaseId = Answer,
                Requirements = [TaskFinished(Investigate)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(4, TimeUnit.Weeks),
                Description = Markdown("""
                    Answer in writing **within four weeks** of receipt (§ 111a EnWG). If the complaint is not
                    fully resolved, point to the *Schlichtungsstelle Energie* and its address.
                    """),
            },
        ],
        Edges =
        [
            Edge(RecordComplaint, Acknowledge),
            Edge(RecordComplaint, Route),
            BranchEdge(Route, VipBranch, PriorityCallBack),
            BranchEdge(Route, BusinessBranch, InformKeyAccount),
            DefaultEdge(Route, AssignToServiceTeam),
            Edge(Acknowledge, Investigate),
            Edge(PriorityCallBack, Investigate),
            Edge(InformKeyAccount, Investigate),
            Edge(AssignToServiceTeam, Investigate),
            Edge(Investigate, CustomerSatisfied),
            BranchEdge(CustomerSatisfied, SatisfiedBranch, SendWrittenAnswer),
            BranchEdge(CustomerSatisfied, NotSatisfiedBranch, Escalate),
            Edge(Escalate, SendWrittenAnswer),
        ],
        ClosingReasons = ClosingReasonList("cr-duplicate", "cr-no-response", "cr-customer-cancelled"),
        SingleClosingReasonSelection = true,
    };
}
