using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Bench.Ui;

/// <summary>
/// The ui scenario's workflow: four manual tasks that can be worked at once, a decision picked by hand with two
/// branches, and the demo catalogue's closing reasons (one to pick), so one workflow takes every sidebar action.
/// </summary>
public static class UiTemplate
{
    public const string Id = "bench-ui-sidebar";
    public const string Decision = "decide";
    public const string YesBranch = "branch-yes";
    public const string ClosingReason = "cr-customer-cancelled";

    public static string TaskId(int number) => $"task-{number}";

    public static string TaskName(int number) => $"Bench step {number}";

    public static FlowTemplate Build(string caseWorkerId) => new()
    {
        Id = Id,
        Name = "Bench: sidebar actions",
        Trigger = new TemplateTrigger { Id = "manual-opportunity", Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" },
        Phases = [new FlowPhase { Id = "work", Name = "Work" }],
        Tasks =
        [
            .. Enumerable.Range(1, 4).Select(n => new FlowTask
            {
                Id = TaskId(n),
                Name = TaskName(n),
                PhaseId = "work",
                AssignedTo = [Assignee.Of(caseWorkerId)],
            }),
            new FlowTask
            {
                Id = Decision,
                Name = "Bench decision",
                TaskType = TaskType.DECISION,
                TriggerMode = TriggerMode.Manual,
                PhaseId = "work",
                Conditions =
                [
                    new Condition { Id = YesBranch, BranchName = "Yes", LogicalOperator = LogicalOperator.AND, Statements = [] },
                    new Condition { Id = "branch-no", BranchName = "No", LogicalOperator = LogicalOperator.AND, Statements = [] },
                ],
            },
            new FlowTask { Id = "after-yes", Name = "Bench after yes", PhaseId = "work" },
            new FlowTask { Id = "after-no", Name = "Bench after no", PhaseId = "work" },
        ],
        Edges =
        [
            new FlowEdge { Id = "yes", FromId = Decision, ToId = "after-yes", ConditionId = YesBranch },
            new FlowEdge { Id = "no", FromId = Decision, ToId = "after-no", ConditionId = "branch-no" },
        ],
        ClosingReasons = [new ClosingReasonRef { Id = ClosingReason, Title = "Customer cancelled" }],
        SingleClosingReasonSelection = true,
    };
}
