using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Tests.Core.Flows;
using Workflows.Tests.Infrastructure;
using Xunit.Abstractions;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// Two real app processes (<see cref="AppProcess"/>, each with its own job worker and reminder sweep) on one fresh
/// PostgreSQL database: a thousand automation runs, scheduled automation tasks that fall due while both poll, and due
/// dates that call for reminders each take effect exactly once, counted by their side effects in the database. In the
/// serial collection, so the browser tests do not starve it of CPU.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class TwoProcessJobTests(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 1000;
    private const int ScheduledWorkflows = 20;
    private const int ReminderWorkflows = 20;
    private const string CountedNote = "Counted by two processes";
    private const string ScheduledNote = "Scheduled note ran";
    private const string ReminderTask = "Call back (two processes)";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [PostgresFact]
    public async Task Two_app_processes_on_one_PostgreSQL_run_every_job_reminder_and_scheduled_task_exactly_once()
    {
        var clock = Stopwatch.StartNew();
        // The test's own services start the scheduled workflows 55 s in the past, so their one-minute delays fall due
        // a few seconds after both processes are polling; everything else they write takes effect at once.
        await using var services = CoreServices.Build(database, new ShiftedClock(TimeSpan.FromSeconds(-55)));
        var (records, lena, mehmet) = await SeedAsync(services);
        await using var a = await AppProcess.StartAsync(database, Settings(), database.FilePath + "-home-a");
        await using var b = await AppProcess.StartAsync(database, Settings(), database.FilePath + "-home-b");

        var scheduled = await StartScheduledWorkflowsAsync(services, records);
        var reminded = await StartRemindedWorkflowsAsync(services, records, lena, mehmet);
        await DispatchRunsAsync(services, records);

        var owners = await WaitUntilDoneAsync(services, scheduled, [a, b]);
        // Two more sweeps of each process: a reminder or run sent twice would show up now.
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.Equal(Runs, await db.Notes.CountAsync(n => n.Body == CountedNote));
        var runs = await db.AutomationRuns.AsNoTracking().Where(r => r.AutomationId == "cross-count").ToListAsync();
        Assert.Equal(Runs, runs.Count);
        Assert.All(runs, r => Assert.True(r.Status == AutomationRunStatus.Succeeded && r.Actions.Count == 1, $"Run {r.Id}: {r.Status} {r.Error}"));

        var scheduledRuns = await db.AutomationRuns.AsNoTracking().Where(r => r.AutomationId == "auto-auto").ToListAsync();
        Assert.Equal(scheduled.Order(), scheduledRuns.Select(r => r.ExecutionId!).Order());
        Assert.Equal(scheduled.Order(), (await db.Notes.Where(n => n.Body == ScheduledNote).Select(n => n.ExecutionId!).ToListAsync()).Order());
        var taskJobs = await db.Jobs.AsNoTracking().Where(j => j.Kind == ScheduledTaskHandler.JobKind && scheduled.Contains(j.ExecutionId!)).ToListAsync();
        Assert.Equal(scheduled.Order(), taskJobs.Select(j => j.ExecutionId!).Order());

        // Due soon: the assignee, once per task. Overdue: the assignee and the starter, once per task each.
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.Title.EndsWith(ReminderTask)).ToListAsync();
        var expected = reminded.SelectMany(r => r.Overdue
            ? new[] { $"{mehmet} overdue {r.Link}", $"{lena} overdue {r.Link}" }
            : [$"{mehmet} due-soon {r.Link}"]);
        var reminderJobs = await db.Jobs.AsNoTracking().Where(j => j.Kind == "due-reminder" || j.Kind == "reminder-sweep").OrderBy(j => j.CreatedAt).ToListAsync();
        Assert.True(expected.Order().SequenceEqual(notifications.Select(n => $"{n.UserId} {n.Kind} {n.Link}").Order()),
            $"{notifications.Count} reminders; jobs: {string.Join("; ", reminderJobs.Select(j => $"{j.Kind} {j.Status} {j.RunAt:HH:mm:ss.fff} {j.LastError}"))}\n--- A\n{a.Output}\n--- B\n{b.Output}");

        // Every job the test caused was claimed once: a second claim would count a second attempt.
        var runJobs = runs.Concat(scheduledRuns).Select(r => r.JobId!).ToList();
        var remindedIds = reminded.Select(r => r.ExecutionId).ToList();
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => runJobs.Contains(j.Id) || j.Kind == "reminder-sweep" || (j.Kind == ScheduledTaskHandler.JobKind && scheduled.Contains(j.ExecutionId!))
                || (j.Kind == "due-reminder" && remindedIds.Contains(j.ExecutionId!)))
            .ToListAsync();
        Assert.Equal(Runs + 2 * ScheduledWorkflows + ReminderWorkflows, jobs.Count(j => j.Kind != "reminder-sweep"));
        // The sweep comes back every second while both processes live, so one may be running right now.
        Assert.All(jobs, j => Assert.True(
            (j.Status is JobStatus.Succeeded or JobStatus.Queued || (j.Status == JobStatus.Running && j.Kind == "reminder-sweep")) && j.Attempts <= 1,
            $"Job {j.Id} ({j.Kind}): {j.Status}, {j.Attempts} attempts, {j.LastError}"));
        Assert.True(owners.Count == 2, $"Jobs were seen running under {owners.Count} worker(s): {string.Join(", ", owners)}");
        output.WriteLine($"{Runs} runs, {scheduled.Count} scheduled tasks and {notifications.Count} reminders once each between two processes " +
            $"(workers {string.Join(", ", owners)}), {jobs.Count(j => j.Kind == "reminder-sweep")} sweeps, in {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Seed:Demo"] = "false",
        ["Jobs:PollInterval"] = "00:00:00.100",
        ["Reminders:SweepInterval"] = "00:00:01",
    };

    private static async Task<(List<string> Records, string Lena, string Mehmet)> SeedAsync(ServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var automations = services.GetRequiredService<AutomationService>();
        var actor = new Actor("two-processes", "Two processes");
        foreach (var (id, body, limit) in new (string, string, int?)[] { ("cross-count", CountedNote, Runs * 2), ("auto-auto", ScheduledNote, null) })
        {
            var saved = await automations.SaveAsync(new Automation
            {
                Id = id,
                Name = id,
                MaxExecutions = limit,
                Triggers = [new AutomationTrigger { Type = AutomationTriggerType.Manual }],
                Actions = [new AutomationAction { Type = AutomationActionType.AddNote, Body = body }],
            }, null, actor, CancellationToken.None);
            Assert.True(saved.Succeeded, saved.Error);
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var records = await db.EntityRecords.Where(r => r.Schema == "contact").OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        var lena = await db.Users.Where(u => u.Email == "caseworker@workflows.demo").Select(u => u.Id).SingleAsync();
        var mehmet = await db.Users.Where(u => u.Email == "caseworker2@workflows.demo").Select(u => u.Id).SingleAsync();
        return (records, lena, mehmet);
    }

    /// <summary>Workflows whose automation task is reached at start and waits one minute before it runs.</summary>
    private static async Task<List<string>> StartScheduledWorkflowsAsync(ServiceProvider services, List<string> records)
    {
        var template = await SaveTemplateAsync(services, ATemplate("Scheduled across processes")
            .WithAutomation("auto", TriggerMode.Automatic, "Scheduled note")
            .With(t => t.Tasks.Single().Schedule = new ActionSchedule { Mode = ScheduleMode.Delayed, Duration = 1, Unit = TimeUnit.Minutes }));
        var ids = new List<string>();
        for (var i = 0; i < ScheduledWorkflows; i++)
        {
            var started = await services.GetRequiredService<FlowExecutionService>().StartAsync(
                template, [new EntityRef { EntityId = records[i % records.Count] }], new Actor("two-processes", "Two processes"), CancellationToken.None);
            Assert.True(started.Succeeded, started.Error);
            Assert.Equal(StepStatus.SCHEDULED, started.Value.FindTask("auto")!.Status);
            ids.Add(started.Value.Id);
        }

        return ids;
    }

    /// <summary>Workflows whose one task, assigned to Mehmet and started by Lena, is due in 12 hours or was due an hour ago.</summary>
    private static async Task<List<Reminded>> StartRemindedWorkflowsAsync(
        ServiceProvider services, List<string> records, string lena, string mehmet)
    {
        var template = await SaveTemplateAsync(services, ATemplate("Reminded across processes").WithTask("call", ReminderTask).AssignedTo(Assignee.Of(mehmet)));
        var executions = services.GetRequiredService<FlowExecutionService>();
        var reminded = new List<Reminded>();
        for (var i = 0; i < ReminderWorkflows; i++)
        {
            // One record per workflow, so each reminder's link names its own workflow.
            var record = records[i];
            var started = await executions.StartAsync(template, [new EntityRef { EntityId = record }], new Actor(lena, "Lena Schmidt"), CancellationToken.None);
            Assert.True(started.Succeeded, started.Error);
            var due = i % 2 == 0 ? DateTimeOffset.UtcNow.AddHours(12) : DateTimeOffset.UtcNow.AddHours(-1);
            var dated = await executions.ApplyAsync(started.Value.Id, new SetDueDate(FlowItemRef.Task("call"), FlowDueDate.At(due)), new Actor(lena, "Lena Schmidt"), null, CancellationToken.None);
            Assert.True(dated.Succeeded, dated.Error);
            reminded.Add(new Reminded(started.Value.Id, $"/entities/contact/{record}", Overdue: i % 2 == 1));
        }

        return reminded;
    }

    /// <summary>A thousand runs of the note automation, dispatched from eight clients at once while both processes poll.</summary>
    private static async Task DispatchRunsAsync(ServiceProvider services, List<string> records)
    {
        var dispatcher = services.GetRequiredService<AutomationDispatcher>();
        await Parallel.ForAsync(0, Runs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            var record = records[i % records.Count];
            var run = await dispatcher.DispatchAsync(
                new RunRequest("cross-count", new AutomationEvent { Type = AutomationTriggerType.Manual, At = DateTimeOffset.UtcNow, EntityId = record, EntitySchema = "contact" },
                    $"two-processes:{i}", $"Run {i}"),
                cancellationToken);
            Assert.NotNull(run);
        });
    }

    /// <summary>Waits until every run and scheduled task finished; returns the workers seen holding a job meanwhile.</summary>
    private static async Task<HashSet<string>> WaitUntilDoneAsync(ServiceProvider services, List<string> scheduled, AppProcess[] apps)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        var owners = new HashSet<string>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            owners.UnionWith(await db.Jobs.Where(j => j.Status == JobStatus.Running && j.LeaseOwner != null).Select(j => j.LeaseOwner!).ToListAsync());
            var runsLeft = await db.AutomationRuns.CountAsync(r => r.AutomationId == "cross-count" && r.Status != AutomationRunStatus.Succeeded);
            var completed = nameof(StepStatus.COMPLETED);
            var tasksLeft = ScheduledWorkflows - await db.FlowTasks.CountAsync(t => scheduled.Contains(t.ExecutionId) && t.TaskId == "auto" && t.Status == completed);
            if (runsLeft == 0 && tasksLeft == 0)
            {
                return owners;
            }

            Assert.True(deadline.Elapsed < Timeout,
                $"After {Timeout}: {runsLeft} runs and {tasksLeft} scheduled tasks unfinished.\n--- A\n{apps[0].Output}\n--- B\n{apps[1].Output}");
            await Task.Delay(50);
        }
    }

    private static async Task<string> SaveTemplateAsync(ServiceProvider services, TemplateBuilder builder)
    {
        var template = builder.With(t =>
        {
            t.Id = null;
            t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" };
        }).Build();
        var saved = await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, new Actor("two-processes", "Two processes"), CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        return saved.Value.Id!;
    }

    /// <summary>A workflow whose task is due soon or overdue, and the record link its reminders carry.</summary>
    private sealed record Reminded(string ExecutionId, string Link, bool Overdue);

    /// <summary>The system clock moved by a fixed amount.</summary>
    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
