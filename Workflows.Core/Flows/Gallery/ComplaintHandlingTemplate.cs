using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

using static Workflows.Core.Flows.Gallery.TemplateParts;

namespace Workflows.Core.Flows.Gallery;

/// <summary>
/// A consumer complaint under service-level deadlines in hours: acknowledged within a day, routed
/// to every team it concerns (a VIP business customer goes to both), answered in writing within
/// the four weeks § 111a EnWG allows, and escalated when the customer is not satisfied.
/// </summary>
internal static class ComplaintHandlingTemplate
{
    public static string Name => T("Complaint_Name");

    public static string Description => T("Complaint_Description");

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
            Phase(Intake, T("Complaint_Intake")),
            Phase(Resolution, T("Complaint_Resolution")),
            Phase(Answer, T("Complaint_Answer")),
        ],
        Tasks =
        [
            new FlowTask
            {
                Id = RecordComplaint,
                Name = T("Complaint_Record"),
                PhaseId = Intake,
                AssignedTo = [WorkflowStarter],
                DueDateConfig = AfterStart(4, TimeUnit.Hours),
                Description = Markdown(T("Complaint_Record_Description")),
            },
            new FlowTask
            {
                Id = Acknowledge,
                Name = T("Complaint_Acknowledge"),
                PhaseId = Intake,
                Requirements = [TaskFinished(RecordComplaint)],
                AssignedTo = [WorkflowStarter],
                DueDateConfig = AfterStart(24, TimeUnit.Hours),
            },
            new FlowTask
            {
                Id = Route,
                Name = T("Complaint_Route"),
                TaskType = TaskType.DECISION,
                PhaseId = Intake,
                TriggerMode = TriggerMode.Automatic,
                AllowParallelExecution = true,
                Conditions =
                [
                    Branch(VipBranch, T("Complaint_VipCustomer"),
                        Attribute("complaint-vip-tag", Schema, "tags", "multiselect", Operator.Contains, "vip")),
                    Branch(BusinessBranch, T("Complaint_BusinessCustomer"),
                        Attribute("complaint-business-type", Schema, "customer_type", "select", Operator.Equal, "business")),
                ],
            },
            new FlowTask
            {
                Id = PriorityCallBack,
                Name = T("Complaint_PriorityCallBack"),
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(4, TimeUnit.Hours),
                Description = Markdown(T("Complaint_PriorityCallBack_Description")),
            },
            new FlowTask
            {
                Id = InformKeyAccount,
                Name = T("Complaint_InformKeyAccount"),
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(8, TimeUnit.Hours),
            },
            new FlowTask
            {
                Id = AssignToServiceTeam,
                Name = T("Complaint_AssignToServiceTeam"),
                PhaseId = Resolution,
                AssignedTo = [WorkflowStarter],
                DueDateConfig = AfterAPrecedingTask(8, TimeUnit.Hours),
            },
            new FlowTask
            {
                Id = Investigate,
                Name = T("Complaint_Investigate"),
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(10, TimeUnit.Days),
                Description = Markdown(T("Complaint_Investigate_Description")),
            },
            new FlowTask
            {
                Id = CustomerSatisfied,
                Name = T("Complaint_CustomerSatisfied"),
                TaskType = TaskType.DECISION,
                PhaseId = Resolution,
                TriggerMode = TriggerMode.Manual,
                Requirements = [TaskFinished(Investigate)],
                Conditions =
                [
                    ChoiceBranch(SatisfiedBranch, T("Complaint_Satisfied")),
                    ChoiceBranch(NotSatisfiedBranch, T("Complaint_NotSatisfied")),
                ],
            },
            new FlowTask
            {
                Id = Escalate,
                Name = T("Complaint_Escalate"),
                PhaseId = Resolution,
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterAPrecedingTask(48, TimeUnit.Hours),
                Description = Markdown(T("Complaint_Escalate_Description")),
            },
            new FlowTask
            {
                Id = SendWrittenAnswer,
                Name = T("Complaint_SendWrittenAnswer"),
                PhaseId = Answer,
                Requirements = [TaskFinished(Investigate)],
                AssignedTo = [EntityOwner],
                DueDateConfig = AfterStart(4, TimeUnit.Weeks),
                Description = Markdown(T("Complaint_SendWrittenAnswer_Description")),
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

    private static string T(string key) => Languages.Text<GalleryText>(key);
}
