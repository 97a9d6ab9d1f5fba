using Microsoft.EntityFrameworkCore;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Gallery;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Demo;

/// <summary>
/// The demo's templates (the gallery, with fixed ids) and a handful of workflows in different states, so the sidebar
/// and the dashboard show real work at first start. Executions are seeded once, into a database that has none.
/// </summary>
public sealed class DemoWorkflows(IDbContextFactory<WorkflowsDbContext> dbFactory, FlowTemplateService templates, FlowExecutionService executions)
{
    public static string TemplateId(string galleryKey) => $"tpl-{galleryKey}";

    public async Task SeedAsync(Actor builder, Actor caseWorker, CancellationToken cancellationToken)
    {
        foreach (var entry in TemplateGallery.All)
        {
            if (await templates.GetAsync(TemplateId(entry.Key), cancellationToken) is null)
            {
                var template = entry.Create();
                template.Id = TemplateId(entry.Key);
                var saved = await templates.SaveAsync(template, null, builder, cancellationToken, note: T("TemplateNote"));
                if (!saved.Succeeded)
                {
                    throw new InvalidOperationException($"The demo template {entry.Name} is invalid: {saved.Error}");
                }
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.FlowExecutions.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        // A solar project two steps in, a meter change at the partner, a move-in, complaints (one overdue),
        // an onboarding that is done and one that was closed.
        await RunAsync("solar-installation", "opportunity-001", caseWorker, 2, cancellationToken);
        await RunAsync("solar-installation", "opportunity-006", caseWorker, 0, cancellationToken);
        await RunAsync("meter-change", "order-004", caseWorker, 2, cancellationToken);
        await RunAsync("customer-move-in", "contact-005", caseWorker, 1, cancellationToken);
        var complaint = await RunAsync("complaint-handling", "contact-003", caseWorker, 0, cancellationToken);
        if (complaint is not null && complaint.CrtTasks.FirstOrDefault() is { } first)
        {
            var yesterday = FlowDueDate.OnDate(DateOnly.FromDateTime(complaint.CreatedAt.UtcDateTime).AddDays(-2));
            await executions.ApplyAsync(complaint.Id, new SetDueDate(FlowItemRef.Task(first.Id), yesterday), caseWorker, null, cancellationToken);
        }

        await RunAsync("complaint-handling", "contact-012", caseWorker, 1, cancellationToken);
        await RunAsync("customer-onboarding", "contact-008", caseWorker, int.MaxValue, cancellationToken);
        var closed = await RunAsync("customer-onboarding", "contact-009", caseWorker, 1, cancellationToken);
        if (closed is not null)
        {
            var reason = closed.ClosingReason?.ConfiguredReasons?.FirstOrDefault()?.Id;
            await executions.ApplyAsync(closed.Id, new CloseFlow(reason is null ? [] : [reason], T("ClosedOnboardingNote")), caseWorker, null, cancellationToken);
        }

        // Team work: a move-in whose first task waits in the field service's queue, and a complaint the back office
        // hands to its next member round-robin.
        await RunForTeamAsync("customer-move-in", "contact-007", DemoSeeder.FieldServiceTeamId, caseWorker, cancellationToken);
        await RunForTeamAsync("complaint-handling", "contact-010", DemoSeeder.BackOfficeTeamId, caseWorker, cancellationToken);
    }

    private async Task RunForTeamAsync(string galleryKey, string recordId, string teamId, Actor actor, CancellationToken cancellationToken)
    {
        if (await RunAsync(galleryKey, recordId, actor, 0, cancellationToken) is { } execution && execution.CrtTasks.FirstOrDefault() is { } first)
        {
            await executions.ApplyAsync(execution.Id, new Assign(FlowItemRef.Task(first.Id), [Assignee.Of(teamId)]), actor, null, cancellationToken);
        }
    }

    /// <summary>Starts a template and completes up to <paramref name="steps"/> current, enabled manual tasks.</summary>
    private async Task<FlowExecution?> RunAsync(string galleryKey, string recordId, Actor actor, int steps, CancellationToken cancellationToken)
    {
        var started = await executions.StartAsync(TemplateId(galleryKey), [new EntityRef { EntityId = recordId }], actor, cancellationToken);
        if (!started.Succeeded)
        {
            return null;
        }

        var execution = started.Value;
        for (var i = 0; i < steps && execution.Status == WorkflowStatus.STARTED; i++)
        {
            var next = execution.CrtTasks.Select(t => execution.FindTask(t.Id)).FirstOrDefault(t => t is { Enabled: true, IsFinished: false });
            if (next is null)
            {
                break;
            }

            FlowCommand command = next.TaskType == TaskType.DECISION && next.Conditions is [var branch, ..]
                ? new ChooseDecisionBranch(next.Id, branch.Id)
                : new SetTaskStatus(next.Id, StepStatus.COMPLETED);
            var applied = await executions.ApplyAsync(execution.Id, command, actor, null, cancellationToken);
            if (!applied.Succeeded)
            {
                break;
            }

            execution = applied.Value;
        }

        return execution;
    }

    private static string T(string key) => Languages.Text<DemoText>(key);
}
