using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Core.Progress;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Progress;

/// <summary>The customer's progress view of a real workflow, and the signed links that open it.</summary>
public sealed class ProgressLinkTests : IAsyncLifetime, IDisposable
{
    private const string Opportunity = "opportunity-003";
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = default!;

    private ProgressLinkService Links => services.GetRequiredService<ProgressLinkService>();

    private FlowExecutionService Executions => services.GetRequiredService<FlowExecutionService>();

    public async Task InitializeAsync() => services = await CoreServices.BuildSeededAsync(database, clock);

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    /// <summary>
    /// Offer (shown as "Your offer"): "sign" (shown as "Contract signed"), "check" (internal). Survey (internal phase):
    /// "visit" (shown under its own name). Outside a phase: "call" (internal), then "handover" (shown as "Keys handed over").
    /// </summary>
    private async Task<FlowExecution> StartAsync()
    {
        var template = ATemplate("Internal solar pipeline 7")
            .WithPhase("offer", "Sales pipeline").WithPhase("survey", "Survey backlog")
            .WithTask("sign", "Chase signature (Bob)").InPhase("offer")
            .WithTask("check", "Credit check with Schufa").InPhase("offer")
            .WithTask("visit", "Site visit").InPhase("survey")
            .WithTask("call", "Internal call")
            .WithTask("handover", "Handover checklist")
            .Chain("sign", "check", "visit", "call", "handover")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
                t.Ecp = new EcpDetails { Label = "Your solar project", Description = "Follow your project here." };
                t.Phases!.Single(p => p.Id == "offer").Ecp = new EcpDetails { Enabled = true, Label = "Your offer" };
                t.Phases!.Single(p => p.Id == "survey").Ecp = new EcpDetails { Enabled = false, Label = "Never shown" };
                t.Tasks.Single(x => x.Id == "sign").Ecp = new EcpDetails { Enabled = true, Label = "Contract signed", Description = "We send you the contract." };
                t.Tasks.Single(x => x.Id == "visit").Ecp = new EcpDetails { Enabled = true };
                t.Tasks.Single(x => x.Id == "handover").Ecp = new EcpDetails { Enabled = true, Label = "Keys handed over" };
            })
            .Build();
        var saved = await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        var started = await Executions.StartAsync(saved.Value.Id!, [new EntityRef { EntityId = Opportunity }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        return started.Value;
    }

    private async Task<FlowExecution> SetAsync(FlowExecution execution, string taskId, StepStatus status)
    {
        var changed = await Executions.ApplyAsync(execution.Id, new SetTaskStatus(taskId, status), Lena, null, CancellationToken.None);
        Assert.True(changed.Succeeded, changed.Error);
        return changed.Value;
    }

    [Fact]
    public async Task The_customer_sees_only_visible_phases_and_tasks_under_their_labels_in_the_workflows_order()
    {
        var progress = CustomerProgress.Of(await StartAsync());

        Assert.Equal("Your solar project", progress.Title);
        Assert.Equal("Follow your project here.", progress.Description);
        Assert.Collection(
            progress.Phases,
            offer =>
            {
                Assert.Equal("Your offer", offer.Name);
                Assert.Equal(CustomerStepState.InProgress, offer.State);
                var sign = Assert.Single(offer.Steps);
                Assert.Equal(new CustomerStep("Contract signed", "We send you the contract.", CustomerStepState.Upcoming), sign);
            },
            hiddenPhase =>
            {
                Assert.Null(hiddenPhase.Name);
                Assert.Equal("Site visit", Assert.Single(hiddenPhase.Steps).Name);
            },
            loose =>
            {
                Assert.Null(loose.Name);
                Assert.Equal("Keys handed over", Assert.Single(loose.Steps).Name);
            });
        var json = JsonSerializer.Serialize(progress, Workflows.Core.Flows.FlowJson.Options);
        foreach (var internalText in new[] { "Internal solar pipeline 7", "Sales pipeline", "Survey backlog", "Chase signature", "Schufa", "Internal call", "Handover checklist", "Never shown", "lena", Opportunity })
        {
            Assert.DoesNotContain(internalText, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task What_happens_next_is_the_first_open_visible_task_or_a_visible_phase_still_waiting_on_hidden_work()
    {
        var execution = await StartAsync();
        Assert.Equal("Contract signed", CustomerProgress.Of(execution).Next);

        execution = await SetAsync(execution, "sign", StepStatus.COMPLETED);
        var progress = CustomerProgress.Of(execution);
        Assert.Equal(CustomerStepState.Done, progress.Phases[0].Steps[0].State);
        Assert.Equal("Your offer", progress.Next);

        execution = await SetAsync(execution, "check", StepStatus.COMPLETED);
        progress = CustomerProgress.Of(execution);
        Assert.Equal(CustomerStepState.Done, progress.Phases[0].State);
        Assert.Equal("Site visit", progress.Next);

        execution = await SetAsync(execution, "visit", StepStatus.IN_PROGRESS);
        Assert.Equal(CustomerStepState.InProgress, CustomerProgress.Of(execution).Phases[1].Steps[0].State);

        foreach (var task in new[] { "visit", "call", "handover" })
        {
            execution = await SetAsync(execution, task, StepStatus.COMPLETED);
        }

        progress = CustomerProgress.Of(execution);
        Assert.Equal(WorkflowStatus.DONE, progress.Status);
        Assert.Null(progress.Next);
    }

    [Fact]
    public async Task A_skipped_task_will_not_happen_so_the_customer_does_not_see_it()
    {
        var execution = await SetAsync(await StartAsync(), "sign", StepStatus.SKIPPED);

        var progress = CustomerProgress.Of(execution);

        Assert.Empty(progress.Phases[0].Steps);
        Assert.Equal("Your offer", progress.Phases[0].Name);
    }

    [Fact]
    public async Task A_link_opens_the_workflows_current_progress_until_it_expires()
    {
        var execution = await StartAsync();
        var created = await Links.CreateAsync(execution.Id, 7, scope: null, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        Assert.Equal(clock.GetUtcNow().AddDays(7), created.Value.ExpiresAt);
        Assert.StartsWith("progress/", created.Value.RelativeUrl, StringComparison.Ordinal);

        await SetAsync(execution, "sign", StepStatus.COMPLETED);
        var opened = await Links.OpenAsync(created.Value.Token, CancellationToken.None);
        Assert.Equal(ProgressLinkState.Valid, opened.State);
        Assert.Null(opened.Refusal);
        Assert.Equal(CustomerStepState.Done, opened.Progress!.Phases[0].Steps[0].State);

        clock.Advance(TimeSpan.FromDays(7));
        var expired = await Links.OpenAsync(created.Value.Token, CancellationToken.None);
        Assert.Equal(ProgressLinkState.Expired, expired.State);
        Assert.Null(expired.Progress);
        Assert.Equal(RefusalKind.Gone, expired.Refusal!.Kind);
    }

    [Fact]
    public async Task A_tampered_forged_or_journey_token_opens_nothing()
    {
        var execution = await StartAsync();
        var token = (await Links.CreateAsync(execution.Id, 30, null, CancellationToken.None)).Value!.Token;
        var tampered = token[..^2] + (token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        var journeyToken = services.GetRequiredService<IJourneyLinkSigner>().Sign($"{execution.Id}|{clock.GetUtcNow().AddDays(1).ToUnixTimeSeconds()}");

        foreach (var bad in new[] { tampered, "not-a-token", "", journeyToken })
        {
            var opened = await Links.OpenAsync(bad, CancellationToken.None);
            Assert.Equal(ProgressLinkState.Invalid, opened.State);
            Assert.Equal(RefusalKind.NotFound, opened.Refusal!.Kind);
        }
    }

    [Fact]
    public async Task A_deleted_workflows_links_stop_working()
    {
        var execution = await StartAsync();
        var token = (await Links.CreateAsync(execution.Id, 30, null, CancellationToken.None)).Value!.Token;

        var deleted = await Executions.ApplyAsync(execution.Id, new DeleteFlow(), Lena, null, CancellationToken.None);
        Assert.True(deleted.Succeeded, deleted.Error);

        Assert.Equal(ProgressLinkState.Invalid, (await Links.OpenAsync(token, CancellationToken.None)).State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public async Task A_link_is_valid_for_1_to_90_days(int days)
    {
        var execution = await StartAsync();

        var created = await Links.CreateAsync(execution.Id, days, null, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, created.Refusal!.Kind);
        Assert.Contains("1 to 90 days", created.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_staff_share_progress_and_only_of_a_workflow_that_exists()
    {
        var execution = await StartAsync();

        var byPartner = await Links.CreateAsync(execution.Id, 7, ["partner-solar"], CancellationToken.None);
        var unknown = await Links.CreateAsync("wf-none", 7, null, CancellationToken.None);

        Assert.Equal(RefusalKind.Forbidden, byPartner.Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, unknown.Refusal!.Kind);
    }

    [Fact]
    public async Task The_demo_solar_template_shows_its_phases_to_the_customer_under_customer_labels()
    {
        var started = await Executions.StartAsync(
            Workflows.Core.Demo.DemoWorkflows.TemplateId("solar-installation"), [new EntityRef { EntityId = Opportunity }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);

        var progress = CustomerProgress.Of(started.Value);

        Assert.Equal("Your solar installation", progress.Title);
        Assert.Equal(["Offer and contract", "Planning your system", "Installation", "Connection to the grid"], progress.Phases.Select(p => p.Name));
        Assert.Equal("Contract signed", progress.Next);
        Assert.DoesNotContain(progress.Phases.SelectMany(p => p.Steps), s => s.Name == "Qualify lead");
    }
}
