using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Journeys;

/// <summary>
/// Running a journey on a record, optionally from a task. A submission writes the record, stores the submission,
/// records it in the workflow's history, completes the task and (through a link) marks the link used in one
/// transaction (ADR-010); then it is published for automations and starts the templates whose
/// <c>journey_submission</c> trigger names the journey.
/// </summary>
public sealed class JourneyRunService(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    JourneyDefinitionService definitions,
    EntityService entities,
    FlowExecutionService executions,
    FlowTemplateService templates,
    JourneySubmissionBus bus,
    FlowSettings settings,
    TimeProvider clock)
{
    /// <summary>The submissions of a record, newest first.</summary>
    public async Task<IReadOnlyList<JourneySubmission>> SubmissionsForEntityAsync(string entityId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.JourneySubmissions.AsNoTracking()
            .Where(s => s.EntityId == entityId)
            .OrderByDescending(s => s.SubmittedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Prepares a journey on a record, optionally from a task of a workflow, prefilled with the record's values.</summary>
    public async Task<Outcome<JourneyRun>> OpenAsync(
        string journeyId, string entityId, string? executionId, string? taskId, CancellationToken cancellationToken)
    {
        var journey = await definitions.GetAsync(journeyId, cancellationToken);
        if (journey is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoJourneyCreateIt", journeyId));
        }

        var schema = await entities.GetSchemaAsync(journey.Schema, cancellationToken);
        var record = await entities.GetAsync(journey.Schema, entityId, cancellationToken);
        if (schema is null || record is null)
        {
            return Refusal.NotFound(RefusalText.Of("JourneyNoSuchRecord", journey.Name, schema?.Plural ?? journey.Schema, entityId));
        }

        var values = new JsonObject();
        foreach (var field in journey.Fields)
        {
            values[field.Attribute] = record.Attributes[field.Attribute]?.DeepClone();
        }

        var run = new JourneyRun(journey, schema, record.Id, record.Title, values, record.Version);
        if (executionId is null || taskId is null)
        {
            return run;
        }

        var execution = await executions.GetAsync(executionId, cancellationToken);
        var task = execution?.FindTask(taskId);
        if (execution is null || task is null)
        {
            return Refusal.NotFound(RefusalText.Of("JourneyTaskGone"));
        }

        if (task.Journey?.JourneyId != journeyId)
        {
            return Refusal.Invalid(RefusalText.Of("TaskDoesNotOpenJourney", task.Name, journey.Name));
        }

        return run with
        {
            ExecutionId = executionId,
            TaskId = taskId,
            TaskName = task.Name,
            CompletesTask = (task.Journey.CompleteTaskAutomatically ?? true) && !task.IsFinished,
        };
    }

    /// <summary>Submits a journey as a signed-in user.</summary>
    public Task<Outcome<JourneySubmitResult>> SubmitAsync(JourneySubmit submit, Actor actor, CancellationToken cancellationToken) =>
        SubmitAsync(submit, actor, linkId: null, cancellationToken);

    /// <summary>
    /// Submits a journey; with <paramref name="linkId"/>, through that shared link, which is marked used in the same
    /// transaction so that it works once.
    /// </summary>
    internal async Task<Outcome<JourneySubmitResult>> SubmitAsync(
        JourneySubmit submit, Actor actor, string? linkId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var journey = await db.Journeys.AsNoTracking().SingleOrDefaultAsync(j => j.Id == submit.JourneyId, cancellationToken);
        var schema = journey is null ? null
            : await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == journey.Schema, cancellationToken);
        if (journey is null || schema is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoJourney", submit.JourneyId));
        }

        var bound = journey.Fields.Select(f => f.Attribute).ToHashSet(StringComparer.Ordinal);
        var unknown = submit.Values.Select(pair => pair.Key).Where(name => !bound.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.Invalid(RefusalText.Of("JourneyDoesNotAsk", journey.Name, string.Join(", ", unknown)));
        }

        var problems = JourneyValidation.CheckAll(journey, schema, submit.Values);
        if (problems.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", problems.Values));
        }

        var written = await entities.StageUpdateAsync(
            db, journey.Schema, submit.EntityId, (JsonObject)submit.Values.DeepClone(), submit.ExpectedRecordVersion, replace: false, actor,
            cancellationToken);
        if (!written.Succeeded)
        {
            return written.Refusal;
        }

        var now = clock.GetUtcNow();
        var submissionId = Guid.NewGuid().ToString();
        StagedChange? flowChange = null;
        var completesTask = false;
        if (submit.ExecutionId is { } executionId && submit.TaskId is { } taskId)
        {
            var staged = await executions.StageAsync(
                db, executionId,
                execution => PlanTask(execution, journey, taskId, actor, now, submissionId, out completesTask),
                actor, expectedVersion: null, cancellationToken);
            if (!staged.Succeeded)
            {
                return staged.Refusal;
            }

            flowChange = staged.Value;
        }

        var submission = new JourneySubmission
        {
            Id = submissionId,
            JourneyId = journey.Id,
            JourneyName = journey.Name,
            EntityId = written.Value.Id,
            EntitySchema = written.Value.Schema,
            ExecutionId = submit.ExecutionId,
            TaskId = submit.TaskId,
            Values = (JsonObject)submit.Values.DeepClone(),
            SubmittedById = actor.Id,
            SubmittedByName = actor.Name,
            SubmittedAt = now,
            LinkId = linkId,
            TaskCompleted = completesTask,
        };
        db.JourneySubmissions.Add(submission);
        if (linkId is not null)
        {
            var link = await db.JourneyLinks.SingleAsync(l => l.Id == linkId, cancellationToken);
            if (link.UsedAt is not null)
            {
                return Refusal.Conflict(JourneyLinkMessages.Used(link, settings.TimeZone));
            }

            link.UsedAt = now;
            link.SubmissionId = submissionId;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await LostRaceAsync(submit, linkId, cancellationToken);
        }

        if (flowChange is not null)
        {
            executions.Publish(flowChange);
        }

        bus.Publish(new JourneySubmitted(
            submission.Id, journey.Id, journey.Name, submission.EntityId, submission.EntitySchema, submit.ExecutionId, submit.TaskId,
            (JsonObject)submission.Values.DeepClone(), actor, now, linkId is not null));
        var (started, startProblems) = await StartTriggeredAsync(journey, submission, flowChange?.Execution, actor, cancellationToken);
        return new JourneySubmitResult(submission, completesTask, started, startProblems);
    }

    private static Outcome<PlannedChange> PlanTask(
        FlowExecution execution, Journey journey, string taskId, Actor actor, DateTimeOffset now, string submissionId, out bool completesTask)
    {
        completesTask = false;
        var task = execution.FindTask(taskId);
        if (task is null)
        {
            return Refusal.NotFound(RefusalText.Of("JourneyTaskGone"));
        }

        if (task.Journey?.JourneyId != journey.Id)
        {
            return Refusal.Invalid(RefusalText.Of("TaskDoesNotOpenJourney", task.Name, journey.Name));
        }

        completesTask = (task.Journey.CompleteTaskAutomatically ?? true) && !task.IsFinished;
        var line = new HistoryLine("JourneySubmitted", journey.Name, task.Name);
        var submitted = new FlowEvent
        {
            Type = FlowEventType.JourneySubmitted,
            ExecutionId = execution.Id,
            At = now,
            Actor = new FlowActor(actor.Id, actor.Name),
            TaskId = task.Id,
            PhaseId = task.PhaseId,
            Summary = line.English(),
            Line = line,
            Detail = submissionId,
        };
        IReadOnlyList<FlowCommand> commands = completesTask ? [new SetTaskStatus(task.Id, StepStatus.COMPLETED)] : [];
        return new PlannedChange(commands, [submitted]);
    }

    /// <summary>Starts every enabled template whose <c>journey_submission</c> trigger names this journey, on the submitted record.</summary>
    private async Task<(IReadOnlyList<string> Started, IReadOnlyList<string> Problems)> StartTriggeredAsync(
        Journey journey, JourneySubmission submission, FlowExecution? parent, Actor actor, CancellationToken cancellationToken)
    {
        var page = await templates.QueryAsync(
            new TemplateQuery { TriggerType = TemplateTriggerType.JourneySubmission, TriggerSourceId = journey.Id, Enabled = true },
            cancellationToken);
        var started = new List<string>();
        var problems = new List<string>();
        var chain = parent is null ? null : new ExecutionChain
        {
            ParentExecutionId = parent.Id,
            ParentTaskId = submission.TaskId,
            Depth = (parent.ExecutionChain?.Depth ?? 0) + 1,
        };
        foreach (var template in page.Items)
        {
            var outcome = await executions.StartAsync(
                template.Id!, [new EntityRef { EntityId = submission.EntityId, EntitySchema = submission.EntitySchema, IsPrimary = true }],
                actor, cancellationToken, new ExecutionTrigger { Type = ExecutionTriggerType.AUTOMATIC }, chain);
            if (outcome.Succeeded)
            {
                started.Add(template.Name);
            }
            else
            {
                problems.Add(RefusalText.Of("WorkflowDidNotStart", template.Name, outcome.Error));
            }
        }

        return (started, problems);
    }

    private async Task<Refusal> LostRaceAsync(JourneySubmit submit, string? linkId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (linkId is not null && await db.JourneyLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken) is { UsedAt: not null } used)
        {
            return Refusal.Conflict(JourneyLinkMessages.Used(used, settings.TimeZone));
        }

        var record = await db.EntityRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == submit.EntityId, cancellationToken);
        if (record is not null && submit.ExpectedRecordVersion is { } expected && record.Version != expected)
        {
            return EntityService.StaleWrite(record);
        }

        return submit.ExecutionId is { } executionId
            ? await executions.StaleAfterSaveAsync(executionId, cancellationToken)
            : Refusal.Conflict(RefusalText.Of("JourneyRecordRace"));
    }
}
