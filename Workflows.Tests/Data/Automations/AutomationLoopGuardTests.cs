using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data.Automations;

/// <summary>The loop breaker stops a loop but lets an automation with a higher max_executions work through a burst.</summary>
public sealed class AutomationLoopGuardTests : IAsyncLifetime
{
    private const int Imported = 150;
    private AutomationHarness h = default!;

    public async Task InitializeAsync() => h = await AutomationHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private async Task ImportOrdersAsync()
    {
        for (var i = 0; i < Imported; i++)
        {
            var created = await h.Entities.CreateAsync("order", new JsonObject { ["order_number"] = $"IMP-{i:000}" }, AutomationHarness.Lena, CancellationToken.None);
            Assert.True(created.Succeeded, created.Error);
        }

        await h.RunJobsAsync();
    }

    private async Task SaveOnNewOrderAsync(int? maxExecutions)
    {
        var saved = await h.Automations.SaveAsync(
            new Automation
            {
                Id = "on-order",
                Name = "Note each new order",
                MaxExecutions = maxExecutions,
                Triggers = [new AutomationTrigger { Type = AutomationTriggerType.EntityCreated, EntitySchema = "order" }],
                Actions = [new AutomationAction { Type = AutomationActionType.AddNote, Body = "Imported." }],
            },
            null, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
    }

    [Fact]
    public async Task An_import_of_150_records_runs_an_automation_with_max_executions_200_every_time()
    {
        await SaveOnNewOrderAsync(200);

        await ImportOrdersAsync();

        var automation = (await h.Automations.GetAsync("on-order", CancellationToken.None))!;
        Assert.True(automation.Enabled, automation.DisabledReason);
        var runs = await h.RunsAsync("on-order");
        Assert.Equal(Imported, runs.Count);
        Assert.All(runs, r => Assert.Equal(AutomationRunStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task The_same_import_trips_the_default_limit_and_tells_the_owner_what_and_how_to_switch_it_on()
    {
        await SaveOnNewOrderAsync(null);

        await ImportOrdersAsync();

        var automation = (await h.Automations.GetAsync("on-order", CancellationToken.None))!;
        Assert.False(automation.Enabled);
        Assert.Contains("asked to run 101 times in 30 seconds, more than its limit of 100 (max executions)", automation.DisabledReason, StringComparison.Ordinal);
        Assert.Contains("Enable again", automation.DisabledReason, StringComparison.Ordinal);
        Assert.Equal(AutomationLimits.DefaultMaxExecutions, (await h.RunsAsync("on-order")).Count);
        await using var db = h.Db();
        var notice = await db.Notifications.AsNoTracking().SingleAsync(n => n.Kind == "automation-disabled");
        Assert.Equal(AutomationHarness.Lena.Id, notice.UserId);
        Assert.Equal("/automations/on-order", notice.Link);
        Assert.Contains("limit of 100", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_max_executions_outside_1_to_100000_is_refused_at_save()
    {
        var saved = await h.Automations.SaveAsync(
            new Automation { Id = "x", Name = "X", MaxExecutions = 0, Actions = [new AutomationAction { Type = AutomationActionType.AddNote, Body = "x" }] },
            null, AutomationHarness.Lena, CancellationToken.None);

        Assert.False(saved.Succeeded);
        Assert.Contains("Max executions must be between 1 and", saved.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Automations:MaxExecutionsPerWindow", "0")]
    [InlineData("Automations:Window", "00:00:00")]
    public async Task A_loop_limit_setting_that_would_stop_everything_or_nothing_stops_the_start_naming_it(string key, string value)
    {
        await using var bad = await AutomationHarness.StartAsync(settings: new Dictionary<string, string?> { [key] = value }, seed: false);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => bad.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AutomationLimits>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
