using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Bench.Api;
using Workflows.Bench.Reporting;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;

namespace Workflows.Bench.Ui;

/// <summary>
/// Scenario <c>ui</c>: what a person waits for. The seeded app on a real Kestrel socket (SQLite file), Debian's
/// Chromium clicking through the record sidebar (<see cref="SidebarRound"/>) and a manager's dashboard
/// (<see cref="DashboardRound"/>), each action timed from click to result on screen; plus signing in.
/// </summary>
public static class UiScenario
{
    private const double GoalP95Ms = 300;
    private const string Record = "opportunity-002";

    public static async Task<IReadOnlyList<BenchMetric>> RunAsync(BenchSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(settings.WorkFolder, $"ui-{Guid.NewGuid():N}");
        try
        {
            return await RunInAsync(folder, settings, log, cancellationToken);
        }
        finally
        {
            if (!settings.KeepDatabases)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<BenchMetric>> RunInAsync(string folder, BenchSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        await using var app = new BenchApp(folder, forBrowser: true);
        var address = app.StartOnSocket();
        var caseWorker = await ActorAsync(app, "caseworker@workflows.demo");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<FlowTemplateService>()
                .SaveAsync(UiTemplate.Build(caseWorker.Id), null, caseWorker, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException(saved.Error);
            }
        }

        await using var browser = await UiBrowser.LaunchAsync(address);
        var timings = new UiTimings();
        var warmup = settings.UiWarmupRounds;
        await log.WriteLineAsync($"  {settings.UiRounds} rounds (+{warmup} warm-up) at {address}");

        var logins = new UiTimings();
        for (var i = 0; i < settings.UiLoginRounds + warmup; i++)
        {
            foreach (var (email, action) in new[] { ("caseworker@workflows.demo", "login: case worker"), ("manager@workflows.demo", "login: manager") })
            {
                var fresh = await browser.NewPageAsync();
                var took = await UiBrowser.LogInAsync(fresh, email, DemoSeeder.DemoPassword);
                if (i >= warmup)
                {
                    logins.Add(action, took);
                }

                await fresh.Context.CloseAsync();
            }
        }

        var sidebar = await browser.NewPageAsync();
        await UiBrowser.LogInAsync(sidebar, "caseworker@workflows.demo", DemoSeeder.DemoPassword);
        string? previous = null;
        for (var round = 0; round < settings.UiRounds + warmup; round++)
        {
            var executionId = await FreshWorkflowAsync(app, previous, caseWorker, cancellationToken);
            previous = executionId;
            await UiBrowser.OpenAsync(sidebar, $"/entities/opportunity/{Record}");
            await sidebar.Locator($"[data-execution='{executionId}']").WaitForAsync();
            await new SidebarRound(sidebar, executionId, round < warmup ? new UiTimings() : timings).RunAsync();
        }

        var dashboard = await browser.NewPageAsync();
        await UiBrowser.LogInAsync(dashboard, "manager@workflows.demo", DemoSeeder.DemoPassword);
        await UiBrowser.OpenAsync(dashboard, "/dashboard?assignee=all");
        await dashboard.Locator("[data-testid=task-table] tbody tr").First.WaitForAsync();
        for (var round = 0; round < settings.UiRounds + warmup; round++)
        {
            await new DashboardRound(dashboard, round < warmup ? new UiTimings() : timings, round).RunAsync();
        }

        return [.. timings.Metrics(GoalP95Ms), timings.MenusLostMetric(), .. logins.Metrics(null)];
    }

    /// <summary>The record shows one workflow at a time: the last round's is deleted for good, and a new one started.</summary>
    private static async Task<string> FreshWorkflowAsync(BenchApp app, string? previous, Actor actor, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var executions = scope.ServiceProvider.GetRequiredService<FlowExecutionService>();
        if (previous is not null)
        {
            var deleted = await executions.ApplyAsync(previous, new DeleteFlow(Hard: true), actor, null, cancellationToken);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException(deleted.Error);
            }
        }

        var started = await executions.StartAsync(UiTemplate.Id, [new EntityRef { EntityId = Record, IsPrimary = true }], actor, cancellationToken);
        return started.Value?.Id ?? throw new InvalidOperationException(started.Error);
    }

    private static async Task<Actor> ActorAsync(BenchApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"The demo user {email} is missing.");
        return new Actor(user.Id, user.DisplayName);
    }
}
