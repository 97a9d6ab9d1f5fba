using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Core.Automations;
using Workflows.Core.Jobs;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data.Automations;

/// <summary>The job table's claim, lease and retry semantics on a real SQLite file, with several workers at once.</summary>
public sealed class AutomationJobClaimTests : IAsyncLifetime
{
    private readonly CountingHandler counter = new();
    private AutomationHarness h = default!;

    public async Task InitializeAsync() =>
        h = await AutomationHarness.StartAsync(services => services.AddSingleton<IJobHandler>(counter), AutomationHarness.LoopbackWebhooks, seed: false);

    public async Task DisposeAsync() => await h.DisposeAsync();

    private JobWorker NewWorker() => new(
        h.Jobs, h.Services.GetServices<IJobHandler>(), h.Services.GetRequiredService<JobOptions>(), NullLogger<JobWorker>.Instance);

    [Fact]
    public async Task Two_workers_polling_together_run_each_of_many_jobs_exactly_once()
    {
        for (var i = 0; i < 200; i++)
        {
            await h.Jobs.EnqueueAsync(new NewJob(CountingHandler.JobKind, $"{{\"n\":{i}}}"), CancellationToken.None);
        }

        // Each worker's first job waits until the other worker holds one too, so the two really overlap instead of one
        // draining the queue before the other starts on a busy machine.
        counter.Rendezvous = new CountdownEvent(2);
        var (first, second) = (NewWorker(), NewWorker());
        var ran = await Task.WhenAll(
            Task.Run(() => first.RunUntilIdleAsync(CancellationToken.None)),
            Task.Run(() => second.RunUntilIdleAsync(CancellationToken.None)));

        Assert.Equal(200, ran.Sum());
        Assert.Equal(200, counter.Runs.Count);
        Assert.All(counter.Runs.GroupBy(r => r.Payload), g => Assert.Single(g));
        Assert.True(counter.Runs.Select(r => r.Worker).Distinct().Count() == 2, "both workers should have taken part");
        await using var db = h.Db();
        Assert.Equal(200, await db.Jobs.CountAsync(j => j.Status == JobStatus.Succeeded && j.Attempts == 1));
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_claimed_again_after_its_lease_and_its_effects_happen_once()
    {
        await using var receiver = await WebhookListener.StartAsync();
        receiver.Hold = true;
        await h.Automations.SaveAsync(new Automation
        {
            Id = "two-steps",
            Name = "Note, then tell the ERP",
            Triggers = [new AutomationTrigger { Type = AutomationTriggerType.Manual }],
            Actions =
            [
                new AutomationAction { Id = "update", Type = AutomationActionType.UpdateEntity, Assignments = [new AttributeAssignment { Attribute = "notes", Value = "{{entity.notes}}+" }] },
                new AutomationAction { Id = "hook", Type = AutomationActionType.CallWebhook, Url = receiver.Address.ToString() },
            ],
        }, null, AutomationHarness.Lena, CancellationToken.None);
        await SeedOrderAsync();
        var run = await h.Automations.RunOnRecordAsync("two-steps", "order-x", AutomationHarness.Lena, CancellationToken.None);
        Assert.True(run.Succeeded, run.Error);

        // The first worker applies the update, then dies while the receiver keeps the webhook hanging.
        var doomed = NewWorker();
        using var death = new CancellationTokenSource();
        var dying = doomed.RunOnceAsync(death.Token);
        await receiver.Held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await death.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);

        // Within the lease nobody else may take it.
        var survivor = NewWorker();
        Assert.Equal(0, await survivor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(AutomationRunStatus.Running, (await h.Automations.GetRunAsync(run.Value.Id, CancellationToken.None))!.Status);

        // The lease expires; the survivor claims the job and finishes it, without applying the update a second time.
        receiver.Hold = false;
        h.Clock.Advance(h.Services.GetRequiredService<JobOptions>().Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await survivor.RunOnceAsync(CancellationToken.None));

        var finished = (await h.Automations.GetRunAsync(run.Value.Id, CancellationToken.None))!;
        Assert.Equal(AutomationRunStatus.Succeeded, finished.Status);
        Assert.Equal(2, finished.Attempts);
        Assert.Equal("ORD+", (await h.AttributesAsync("order-x"))["notes"]!.GetValue<string>());
        await using var db = h.Db();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == finished.JobId);
        Assert.Equal(JobStatus.Succeeded, job.Status);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_delays_up_to_its_limit_then_stays_failed_and_can_be_queued_again()
    {
        counter.FailWith = "the ERP is down";
        await h.Jobs.EnqueueAsync(new NewJob(CountingHandler.JobKind, "{}") { MaxAttempts = 3, Id = "flaky" }, CancellationToken.None);
        var worker = NewWorker();
        var options = h.Services.GetRequiredService<JobOptions>();

        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        var job = (await h.Jobs.GetAsync("flaky", CancellationToken.None))!;
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Equal(h.Clock.GetUtcNow() + options.RetryBaseDelay, job.RunAt);
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));

        h.Clock.Advance(options.RetryBaseDelay);
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        job = (await h.Jobs.GetAsync("flaky", CancellationToken.None))!;
        Assert.Equal(h.Clock.GetUtcNow() + (2 * options.RetryBaseDelay), job.RunAt);

        h.Clock.Advance(2 * options.RetryBaseDelay);
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        job = (await h.Jobs.GetAsync("flaky", CancellationToken.None))!;
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(3, job.Attempts);
        Assert.Equal("the ERP is down", job.LastError);
        Assert.Equal([false, false, true], counter.FailureFinals);

        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        counter.FailWith = null;
        Assert.True(await h.Jobs.RequeueAsync("flaky", CancellationToken.None));
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal(JobStatus.Succeeded, (await h.Jobs.GetAsync("flaky", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_job_with_a_used_idempotency_key_is_not_stored_again()
    {
        Assert.True(await h.Jobs.EnqueueAsync(new NewJob(CountingHandler.JobKind, "{}") { IdempotencyKey = "event-1:automation-1" }, CancellationToken.None));
        Assert.False(await h.Jobs.EnqueueAsync(new NewJob(CountingHandler.JobKind, "{}") { IdempotencyKey = "event-1:automation-1" }, CancellationToken.None));

        Assert.Equal(1, await NewWorker().RunUntilIdleAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_job_scheduled_for_later_waits_for_its_time()
    {
        await h.Jobs.EnqueueAsync(new NewJob(CountingHandler.JobKind, "{}") { RunAt = h.Clock.GetUtcNow().AddHours(2) }, CancellationToken.None);
        var worker = NewWorker();

        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await worker.RunOnceAsync(CancellationToken.None));
    }

    private async Task SeedOrderAsync()
    {
        await using var db = h.Db();
        db.EntitySchemas.Add(new Workflows.Core.Entities.EntitySchema
        {
            Slug = "order",
            Name = "Order",
            Plural = "Orders",
            TitleTemplate = "{{notes}}",
            Attributes = [new() { Name = "notes", Label = "Notes", Type = Workflows.Core.Entities.AttributeType.Text }],
        });
        db.EntityRecords.Add(new Workflows.Core.Entities.EntityRecord
        {
            Id = "order-x",
            Schema = "order",
            Title = "ORD",
            Attributes = new System.Text.Json.Nodes.JsonObject { ["notes"] = "ORD" },
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A handler that only counts who ran what, or fails when told to.</summary>
    private sealed class CountingHandler : IJobHandler
    {
        public const string JobKind = "test-count";

        public ConcurrentQueue<(string JobId, string Payload, string Worker)> Runs { get; } = new();

        public List<bool> FailureFinals { get; } = [];

        public string? FailWith { get; set; }

        /// <summary>When set, a worker's first job signals it and waits (up to 10 s) for every other worker to do the same.</summary>
        public CountdownEvent? Rendezvous { get; set; }

        private readonly ConcurrentDictionary<string, bool> arrived = new();

        public string Kind => JobKind;

        public string? LastWorkerOf(string jobId) => Runs.LastOrDefault(r => r.JobId == jobId).Worker;

        public Task HandleAsync(JobContext context, CancellationToken cancellationToken)
        {
            if (FailWith is { } error)
            {
                throw new JobFailedException(error, permanent: false);
            }

            Runs.Enqueue((context.Job.Id, context.Job.Payload, context.WorkerId));
            if (Rendezvous is { } rendezvous && arrived.TryAdd(context.WorkerId, true))
            {
                rendezvous.Signal();
                rendezvous.Wait(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return Task.CompletedTask;
        }

        public Task OnFailedAsync(Job job, string error, bool final, DateTimeOffset? nextAttempt, CancellationToken cancellationToken)
        {
            FailureFinals.Add(final);
            return Task.CompletedTask;
        }
    }
}
