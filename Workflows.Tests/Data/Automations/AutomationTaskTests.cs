using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Jobs;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Automations;

/// <summary>Automation tasks in running workflows: the engine, the job worker and the automations together.</summary>
public sealed class AutomationTaskTests : IAsyncLifetime
{
    private const string Contact = "contact-002";
    private AutomationHarness h = default!;

    public async Task InitializeAsync()
    {
        h = await AutomationHarness.StartAsync();
        await h.SaveAsync("auto-mail", "Welcome mail", [new AutomationTrigger { Type = AutomationTriggerType.Manual }],
            new AutomationAction { Type = AutomationActionType.SendEmail, Subject = "Welcome {{entity.first_name}}", Body = "Sent by {{task.name}} in {{workflow.name}}." },
            new AutomationAction { Type = AutomationActionType.AddNote, Body = "{{task.name}} ran." });
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private Task<FlowTemplate> WelcomeTemplateAsync(TriggerMode mode = TriggerMode.Automatic, ActionSchedule? schedule = null) =>
        h.SaveTemplateAsync(ATemplate("Welcome")
            .WithTask("check", "Check details")
            .WithAutomation("mail", mode, "Send welcome mail").Requires("check")
            .WithTask("call", "Call customer").Requires("mail")
            .Chain("check", "mail", "call")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" };
                t.Tasks.Single(x => x.Id == "mail").Schedule = schedule;
            })
            .Build());

    private async Task<FlowExecution> CompleteAsync(FlowExecution execution, string taskId)
    {
        var done = await h.Executions.ApplyAsync(execution.Id, new SetTaskStatus(taskId, StepStatus.COMPLETED), AutomationHarness.Lena, null, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
        return done.Value;
    }

    [Fact]
    public async Task An_automatic_automation_task_runs_when_reached_and_completes_the_task()
    {
        var template = await WelcomeTemplateAsync();
        var execution = await h.StartAsync(template.Id!, Contact);
        Assert.Equal(StepStatus.PENDING, execution.FindTask("mail")!.Status);

        execution = await CompleteAsync(execution, "check");
        Assert.Equal(StepStatus.SCHEDULED, execution.FindTask("mail")!.Status);
        await h.RunJobsAsync();

        execution = await h.ExecutionAsync(execution.Id);
        var task = execution.FindTask("mail")!;
        Assert.Equal(StepStatus.COMPLETED, task.Status);
        Assert.Equal("succeeded", task.AutomationConfig!.ExecutionStatus);
        Assert.True(execution.FindTask("call")!.Enabled);
        var history = (await h.Executions.HistoryAsync(execution.Id, CancellationToken.None)).Select(e => e.Summary).Reverse().ToList();
        Assert.Contains("Automation 'Send welcome mail' started", history);
        Assert.Contains("Automation 'Send welcome mail' completed", history);
        var run = Assert.Single(await h.RunsAsync("auto-mail"));
        Assert.Equal(task.AutomationExecutionId, run.Id);
        Assert.Equal([ActionStatus.Succeeded, ActionStatus.Succeeded], run.Actions.Select(a => a.Status));
        var mail = await MimeKit.MimeMessage.LoadAsync(Assert.Single(h.Mails()));
        Assert.Equal($"Welcome {(await h.AttributesAsync(Contact))["first_name"]}", mail.Subject);
        Assert.Contains("Sent by Send welcome mail in Welcome.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_action_marks_the_task_failed_with_the_reason_and_a_retry_succeeds_once_the_cause_is_fixed()
    {
        var template = await WelcomeTemplateAsync();
        var email = (await h.AttributesAsync(Contact))["email"]!.GetValue<string>();
        await h.SetAttributeAsync("contact", Contact, "email", null);
        var execution = await h.StartAsync(template.Id!, Contact);
        await CompleteAsync(execution, "check");

        await h.RunJobsAsync();

        var task = (await h.ExecutionAsync(execution.Id)).FindTask("mail")!;
        Assert.Equal(StepStatus.FAILED, task.Status);
        Assert.Contains("There is no recipient", task.StatusReason, StringComparison.Ordinal);
        Assert.Equal("failed", task.AutomationConfig!.ExecutionStatus);
        Assert.Equal(AutomationRunStatus.Failed, Assert.Single(await h.RunsAsync("auto-mail")).Status);
        Assert.Empty(h.Mails());

        // The case worker fills in the address and retries the task.
        await h.SetAttributeAsync("contact", Contact, "email", email);
        var retried = await h.Executions.ApplyAsync(execution.Id, new RetryTask("mail"), AutomationHarness.Lena, null, CancellationToken.None);
        Assert.True(retried.Succeeded, retried.Error);
        await h.RunJobsAsync();

        task = (await h.ExecutionAsync(execution.Id)).FindTask("mail")!;
        Assert.Equal(StepStatus.COMPLETED, task.Status);
        Assert.Equal(2, (await h.RunsAsync("auto-mail")).Count);
        Assert.Equal(email, Assert.Single((await MimeKit.MimeMessage.LoadAsync(Assert.Single(h.Mails()))).To.Mailboxes).Address);
    }

    [Fact]
    public async Task A_scheduled_automation_task_runs_at_its_time_and_not_before()
    {
        var template = await WelcomeTemplateAsync(schedule: new ActionSchedule { Mode = ScheduleMode.Delayed, Duration = 2, Unit = TimeUnit.Hours });
        var execution = await h.StartAsync(template.Id!, Contact);
        var reachedAt = h.Clock.GetUtcNow();
        await CompleteAsync(execution, "check");

        await h.RunJobsAsync();
        Assert.Equal(StepStatus.SCHEDULED, (await h.ExecutionAsync(execution.Id)).FindTask("mail")!.Status);
        var times = await h.Jobs.PendingTimesAsync(ScheduledTaskHandler.JobKind, [execution.Id], CancellationToken.None);
        Assert.Equal(reachedAt.AddHours(2), times[$"{execution.Id}/mail"]);

        h.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        await h.RunJobsAsync();
        Assert.Equal(StepStatus.SCHEDULED, (await h.ExecutionAsync(execution.Id)).FindTask("mail")!.Status);
        Assert.Empty(h.Mails());

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.RunJobsAsync();
        Assert.Equal(StepStatus.COMPLETED, (await h.ExecutionAsync(execution.Id)).FindTask("mail")!.Status);
        Assert.Single(h.Mails());
    }

    [Fact]
    public async Task Cancelling_a_scheduled_run_skips_the_task_and_its_job_never_runs()
    {
        var template = await WelcomeTemplateAsync(schedule: new ActionSchedule { Mode = ScheduleMode.Delayed, Duration = 1, Unit = TimeUnit.Days });
        var execution = await CompleteAsync(await h.StartAsync(template.Id!, Contact), "check");

        var cancelled = await h.Executions.ApplyAsync(execution.Id, new CancelSchedule("mail"), AutomationHarness.Lena, null, CancellationToken.None);
        Assert.True(cancelled.Succeeded, cancelled.Error);
        h.Clock.Advance(TimeSpan.FromDays(2));
        await h.RunJobsAsync();

        Assert.Equal(StepStatus.SKIPPED, (await h.ExecutionAsync(execution.Id)).FindTask("mail")!.Status);
        Assert.Empty(await h.RunsAsync("auto-mail"));
        await using var db = h.Db();
        Assert.Equal(JobStatus.Cancelled, (await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == ScheduledTaskHandler.JobKind && j.ExecutionId == execution.Id)).Status);
    }

    [Fact]
    public async Task A_relative_schedule_counts_from_a_date_of_the_record()
    {
        var schedule = new ActionSchedule
        {
            Mode = ScheduleMode.Relative,
            Direction = "before",
            Duration = 3,
            Unit = TimeUnit.Days,
            Reference = new ScheduleReference { Id = Contact, Origin = "trigger_entity_attribute", Schema = "contact", Attribute = "birthdate" },
        };
        await h.SetAttributeAsync("contact", Contact, "birthdate", "2026-12-24");
        var template = await WelcomeTemplateAsync(schedule: schedule);
        var execution = await CompleteAsync(await h.StartAsync(template.Id!, Contact), "check");

        var times = await h.Jobs.PendingTimesAsync(ScheduledTaskHandler.JobKind, [execution.Id], CancellationToken.None);

        // 21 December, midnight in the tenant's zone (UTC in these tests).
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 0, 0, 0, TimeSpan.Zero), times[$"{execution.Id}/mail"]);
    }

    [Fact]
    public async Task A_manual_automation_task_runs_when_a_user_runs_it()
    {
        var template = await WelcomeTemplateAsync(TriggerMode.Manual);
        var execution = await CompleteAsync(await h.StartAsync(template.Id!, Contact), "check");
        await h.RunJobsAsync();
        Assert.Equal(StepStatus.PENDING, (await h.ExecutionAsync(execution.Id)).FindTask("mail")!.Status);

        var runner = h.Services.GetRequiredService<AutomationTaskRunner>();
        var started = await runner.RunAsync(execution.Id, "mail", AutomationHarness.Lena, null, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        Assert.Equal(StepStatus.IN_PROGRESS, started.Value.FindTask("mail")!.Status);
        await h.RunJobsAsync();

        Assert.Equal(StepStatus.COMPLETED, (await h.ExecutionAsync(execution.Id)).FindTask("mail")!.Status);
        Assert.Equal("Task \"Send welcome mail\" run by Lena Schmidt", Assert.Single(await h.RunsAsync("auto-mail")).TriggerSummary);
    }

    [Fact]
    public async Task A_completed_workflow_sets_the_stage_of_its_opportunity()
    {
        var template = await h.SaveTemplateAsync(ATemplate("Quick deal").WithTask("sign", "Sign contract")
            .With(t => { t.Id = null; t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" }; }).Build());
        await h.SaveAsync("won", "Deal won", [new AutomationTrigger { Type = AutomationTriggerType.FlowCompleted, TemplateId = template.Id }],
            new AutomationAction { Type = AutomationActionType.UpdateEntity, Assignments = [new AttributeAssignment { Attribute = "stage", Value = "won" }] });
        await h.SetAttributeAsync("opportunity", "opportunity-002", "stage", "offer");

        await CompleteAsync(await h.StartAsync(template.Id!, "opportunity-002"), "sign");
        await h.RunJobsAsync();

        Assert.Equal("won", (await h.AttributesAsync("opportunity-002"))["stage"]!.GetValue<string>());
        Assert.Equal("Workflow completed", Assert.Single(await h.RunsAsync("won")).TriggerSummary);
    }

    [Fact]
    public async Task A_new_contact_starts_customer_onboarding_which_sends_its_welcome_email()
    {
        var created = await h.Entities.CreateAsync("contact",
            new JsonObject { ["first_name"] = "Ida", ["last_name"] = "Neumann", ["email"] = "ida.neumann@example.org" }, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);

        await h.RunJobsAsync();

        var execution = Assert.Single(await h.Executions.ListForEntityAsync(created.Value.Id, CancellationToken.None));
        Assert.Equal("Customer onboarding", execution.Name);
        Assert.Equal(ExecutionTriggerType.AUTOMATIC, execution.Trigger!.Type);
        Assert.Equal(StepStatus.COMPLETED, execution.Tasks.Single(t => t.AutomationConfig?.FlowId == DemoAutomations.SendWelcomeEmail).Status);
        var mail = await MimeKit.MimeMessage.LoadAsync(Assert.Single(h.Mails()));
        Assert.Equal("Welcome, Ida!", mail.Subject);
    }

    [Fact]
    public async Task Workflows_starting_each_other_through_an_automation_stop_at_depth_10_with_the_reason()
    {
        var template = await h.SaveTemplateAsync(ATemplate("Echo").WithTask("a")
            .With(t => { t.Id = null; t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" }; }).Build());
        await h.SaveAsync("echo", "Echo", [new AutomationTrigger { Type = AutomationTriggerType.FlowStarted, TemplateId = template.Id }],
            new AutomationAction { Type = AutomationActionType.TriggerWorkflow, TemplateId = template.Id });

        await h.StartAsync(template.Id!, Contact);
        await h.RunJobsAsync();

        var echoes = (await h.Executions.ListForEntityAsync(Contact, CancellationToken.None)).Where(e => e.Name == "Echo").ToList();
        Assert.Equal(1 + FlowEngine.MaxChainDepth, echoes.Count);
        // The runs may share a creation instant (the harness's clock stands still), so the refused one is found by its
        // status rather than by its place: every run but the one at depth 10 started its workflow.
        var runs = await h.RunsAsync("echo");
        var refused = Assert.Single(runs, r => r.Status == AutomationRunStatus.Failed);
        Assert.Contains("looks like a loop", refused.Error, StringComparison.Ordinal);
        Assert.All(runs.Where(r => r != refused), r => Assert.Equal(AutomationRunStatus.Succeeded, r.Status));
    }
}
