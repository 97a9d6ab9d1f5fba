using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Identity;

namespace Workflows.Core.Journeys;

/// <summary>
/// Journeys: their definitions, running them on a record, and shared links. A submission writes the record, stores
/// the submission, records it in the workflow's history and completes the task in one transaction; then it is
/// published for automations and starts the templates whose <c>journey_submission</c> trigger names the journey.
/// </summary>
public sealed class JourneyService(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    EntityService entities,
    FlowExecutionService executions,
    FlowTemplateService templates,
    JourneySubmissionBus bus,
    IJourneyLinkSigner signer,
    FlowSettings settings,
    TimeProvider clock)
{
    public static TimeSpan DefaultLinkLifetime { get; } = TimeSpan.FromDays(7);

    public static TimeSpan MaxLinkLifetime { get; } = TimeSpan.FromDays(90);

    public async Task<IReadOnlyList<JourneySummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var journeys = await db.Journeys.AsNoTracking().OrderBy(j => j.Name).ToListAsync(cancellationToken);
        var counts = await db.JourneySubmissions.AsNoTracking()
            .GroupBy(s => s.JourneyId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. journeys.Select(j => new JourneySummary(
            j.Id, j.Name, j.Schema, j.Steps.Count, j.Fields.Count(), j.UpdatedAt, j.UpdatedBy, counts.GetValueOrDefault(j.Id)))];
    }

    public async Task<Journey?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Journeys.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>The problems that would stop <paramref name="journey"/> from being saved, for the editor to show as you type.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Journey journey, CancellationToken cancellationToken) =>
        JourneyRules.Check(journey, await entities.GetSchemaAsync(journey.Schema, cancellationToken));

    /// <summary>
    /// Creates the journey when its id is new (or empty), otherwise saves it. <paramref name="expectedVersion"/> is the
    /// version the editor started from; a save based on an older one is refused, naming who saved in between.
    /// </summary>
    public async Task<Outcome<Journey>> SaveAsync(Journey input, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schema = await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == input.Schema, cancellationToken);
        var problems = JourneyRules.Check(input, schema);
        if (problems.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", problems));
        }

        var now = clock.GetUtcNow();
        var copy = input.Clone();
        var existing = string.IsNullOrWhiteSpace(input.Id)
            ? null
            : await db.Journeys.SingleOrDefaultAsync(j => j.Id == input.Id, cancellationToken);
        if (existing is null)
        {
            var id = string.IsNullOrWhiteSpace(input.Id) ? $"journey-{Guid.NewGuid():N}"[..20] : input.Id.Trim();
            if (id.Length > 64)
            {
                return Refusal.Invalid("A journey id has at most 64 characters.");
            }

            var created = new Journey
            {
                Id = id,
                Name = copy.Name.Trim(),
                Description = string.IsNullOrWhiteSpace(copy.Description) ? null : copy.Description.Trim(),
                Schema = copy.Schema,
                Steps = copy.Steps,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = actor.Name,
            };
            db.Journeys.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }

        if (expectedVersion is { } version && version != existing.Version)
        {
            return Stale(existing);
        }

        existing.Name = copy.Name.Trim();
        existing.Description = string.IsNullOrWhiteSpace(copy.Description) ? null : copy.Description.Trim();
        existing.Schema = copy.Schema;
        existing.Steps = copy.Steps;
        existing.UpdatedAt = now;
        existing.UpdatedBy = actor.Name;
        existing.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var fresh = await GetAsync(existing.Id, cancellationToken);
            return fresh is null ? Refusal.NotFound($"The journey \"{existing.Name}\" was deleted meanwhile.") : Stale(fresh);
        }

        return existing;
    }

    /// <summary>Deletes a journey and its unused links; its submissions stay, with the journey's name.</summary>
    public async Task<Outcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var journey = await db.Journeys.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (journey is null)
        {
            return Refusal.NotFound($"There is no journey '{id}'.");
        }

        db.Journeys.Remove(journey);
        db.JourneyLinks.RemoveRange(db.JourneyLinks.Where(l => l.JourneyId == id && l.UsedAt == null));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success;
    }

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
        var journey = await GetAsync(journeyId, cancellationToken);
        if (journey is null)
        {
            return Refusal.NotFound($"There is no journey '{journeyId}'. A builder can create it under Journeys.");
        }

        var schema = await entities.GetSchemaAsync(journey.Schema, cancellationToken);
        var record = await entities.GetAsync(journey.Schema, entityId, cancellationToken);
        if (schema is null || record is null)
        {
            return Refusal.NotFound($"The journey \"{journey.Name}\" fills in {schema?.Plural ?? journey.Schema}; there is no such record '{entityId}'.");
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
            return Refusal.NotFound("The task of this journey is no longer part of its workflow.");
        }

        if (task.Journey?.JourneyId != journeyId)
        {
            return Refusal.Invalid($"\"{task.Name}\" does not open the journey \"{journey.Name}\".");
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
        SubmitCoreAsync(submit, actor, linkId: null, cancellationToken);

    /// <summary>A signed link that opens <paramref name="journeyId"/> on a record (and task) for someone without an account.</summary>
    public async Task<Outcome<JourneyLinkCreated>> CreateLinkAsync(
        string journeyId, string entityId, string? executionId, string? taskId, TimeSpan validFor, Actor actor,
        CancellationToken cancellationToken)
    {
        if (validFor <= TimeSpan.Zero || validFor > MaxLinkLifetime)
        {
            return Refusal.Invalid($"A link is valid for between one hour and {MaxLinkLifetime.TotalDays:0} days.");
        }

        var run = await OpenAsync(journeyId, entityId, executionId, taskId, cancellationToken);
        if (!run.Succeeded)
        {
            return run.Refusal;
        }

        var now = clock.GetUtcNow();
        var link = new JourneyLink
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            JourneyId = journeyId,
            EntityId = entityId,
            ExecutionId = executionId,
            TaskId = taskId,
            CreatedAt = now,
            CreatedBy = actor.Name,
            ExpiresAt = now + validFor,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.JourneyLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        var token = signer.Sign(string.Create(CultureInfo.InvariantCulture, $"{link.Id}.{link.ExpiresAt.ToUnixTimeSeconds()}"));
        return new JourneyLinkCreated(token, link.ExpiresAt);
    }

    /// <summary>What a shared link shows: the journey when it may still be used, otherwise why not.</summary>
    public async Task<JourneyLinkOpening> OpenLinkAsync(string token, CancellationToken cancellationToken)
    {
        var (link, refused) = await FindLinkAsync(token, cancellationToken);
        if (link is null)
        {
            return refused!;
        }

        var run = await OpenAsync(link.JourneyId, link.EntityId, link.ExecutionId, link.TaskId, cancellationToken);
        return run.Succeeded
            ? new JourneyLinkOpening(JourneyLinkState.Valid, "", run.Value)
            : new JourneyLinkOpening(JourneyLinkState.Invalid, "This link can no longer be used. Please ask the sender for a new one.");
    }

    /// <summary>
    /// Submits a journey through a shared link, as "External". The link is marked used in the same transaction, so it
    /// works once. The answers are merged into the record without a version check: they only touch the journey's fields.
    /// </summary>
    public async Task<Outcome<JourneySubmitResult>> SubmitLinkAsync(string token, JsonObject values, CancellationToken cancellationToken)
    {
        var (link, refused) = await FindLinkAsync(token, cancellationToken);
        if (link is null)
        {
            return refused!.State == JourneyLinkState.Invalid ? Refusal.Invalid(refused.Message) : Refusal.Conflict(refused.Message);
        }

        var submit = new JourneySubmit(link.JourneyId, link.EntityId, values, ExpectedRecordVersion: null)
        {
            ExecutionId = link.ExecutionId,
            TaskId = link.TaskId,
        };
        return await SubmitCoreAsync(submit, Actor.External, link.Id, cancellationToken);
    }

    private async Task<Outcome<JourneySubmitResult>> SubmitCoreAsync(
        JourneySubmit submit, Actor actor, string? linkId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var journey = await db.Journeys.AsNoTracking().SingleOrDefaultAsync(j => j.Id == submit.JourneyId, cancellationToken);
        var schema = journey is null ? null
            : await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == journey.Schema, cancellationToken);
        if (journey is null || schema is null)
        {
            return Refusal.NotFound($"There is no journey '{submit.JourneyId}'.");
        }

        var bound = journey.Fields.Select(f => f.Attribute).ToHashSet(StringComparer.Ordinal);
        var unknown = submit.Values.Select(pair => pair.Key).Where(name => !bound.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.Invalid($"The journey \"{journey.Name}\" does not ask for {string.Join(", ", unknown)}.");
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
                return Refusal.Conflict(UsedMessage(link));
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
            return Refusal.NotFound("The task of this journey is no longer part of its workflow.");
        }

        if (task.Journey?.JourneyId != journey.Id)
        {
            return Refusal.Invalid($"\"{task.Name}\" does not open the journey \"{journey.Name}\".");
        }

        completesTask = (task.Journey.CompleteTaskAutomatically ?? true) && !task.IsFinished;
        var submitted = new FlowEvent
        {
            Type = FlowEventType.JourneySubmitted,
            ExecutionId = execution.Id,
            At = now,
            Actor = new FlowActor(actor.Id, actor.Name),
            TaskId = task.Id,
            PhaseId = task.PhaseId,
            Summary = $"Journey \"{journey.Name}\" submitted for \"{task.Name}\"",
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
                problems.Add($"\"{template.Name}\" did not start: {outcome.Error}");
            }
        }

        return (started, problems);
    }

    private async Task<Refusal> LostRaceAsync(JourneySubmit submit, string? linkId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (linkId is not null && await db.JourneyLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken) is { UsedAt: not null } used)
        {
            return Refusal.Conflict(UsedMessage(used));
        }

        var record = await db.EntityRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == submit.EntityId, cancellationToken);
        if (record is not null && submit.ExpectedRecordVersion is { } expected && record.Version != expected)
        {
            return EntityService.StaleWrite(record);
        }

        return submit.ExecutionId is { } executionId
            ? await executions.StaleAfterSaveAsync(executionId, cancellationToken)
            : Refusal.Conflict("Someone changed this record at the same moment. Nothing was saved; open the journey again and submit.");
    }

    private async Task<(JourneyLink? Link, JourneyLinkOpening? Refused)> FindLinkAsync(string token, CancellationToken cancellationToken)
    {
        var invalid = new JourneyLinkOpening(
            JourneyLinkState.Invalid, "This link is not valid. Check that you opened all of it, or ask the sender for a new one.");
        var payload = string.IsNullOrWhiteSpace(token) ? null : signer.Verify(token);
        var parts = payload?.Split('.');
        if (parts is not [var linkId, var expiresText] || !long.TryParse(expiresText, CultureInfo.InvariantCulture, out var expiresSeconds))
        {
            return (null, invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.JourneyLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return (null, invalid);
        }

        if (link.UsedAt is not null)
        {
            return (null, new JourneyLinkOpening(JourneyLinkState.Used, UsedMessage(link)));
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(Math.Min(expiresSeconds, link.ExpiresAt.ToUnixTimeSeconds()));
        if (clock.GetUtcNow() >= expires)
        {
            return (null, new JourneyLinkOpening(
                JourneyLinkState.Expired, $"This link expired on {Local(expires)}. Please ask the sender for a new one."));
        }

        return (link, null);
    }

    private string UsedMessage(JourneyLink link) =>
        $"This link was already used on {Local(link.UsedAt!.Value)}. The answers were received; there is nothing more to do.";

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, settings.TimeZone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static Refusal Stale(Journey current) => Refusal.Conflict(
        $"\"{current.Name}\" was changed by {current.UpdatedBy ?? "someone"} at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC. " +
        "Reload it to see their changes, then apply yours again.");
}
