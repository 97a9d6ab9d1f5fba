using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Tests.Api;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// Two instances of the app on one database and one real Redis: A serves a browser on a socket, B takes API calls.
/// What B commits reaches A's live pages, bus and token cache over Redis pub/sub.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public BrowserFixture A { get; } = new();

    public WorkflowsAppFactory B { get; } = new();

    /// <summary>Every run of a <c>count</c> job, by job id, with the instance that ran it.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string JobId, string Instance)> Runs { get; } = new();

    public async Task InitializeAsync()
    {
        if (!RedisServer.Installed)
        {
            return;
        }

        A.App.Settings["Redis:Connection"] = Redis.Connection;
        A.App.ExtraServices.Add(services => services.AddSingleton<IJobHandler>(new CountingJobHandler("A", Runs)));
        B.ExtraServices.Add(services => services.AddSingleton<IJobHandler>(new CountingJobHandler("B", Runs)));
        await A.InitializeAsync();
        B.Settings["Redis:Connection"] = Redis.Connection;
        B.Settings["ConnectionStrings:Workflows"] = A.App.Database.ConnectionString;
        B.Settings["Database:Provider"] = A.App.Database.Provider;
        _ = B.Services; // starts B (migrations are applied, the seed finds everything in place)
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        if (RedisServer.Installed)
        {
            await A.DisposeAsync();
        }

        Redis.Dispose();
    }
}

/// <summary>A job kind of the tests: notes who ran which job, so a test can count runs per job.</summary>
public sealed class CountingJobHandler(string instance, System.Collections.Concurrent.ConcurrentQueue<(string JobId, string Instance)> runs) : IJobHandler
{
    public string Kind => "count";

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        runs.Enqueue((context.Job.Id, instance));
        return Task.CompletedTask;
    }
}

[Collection(nameof(EndToEnd))]
public sealed class TwoInstanceLiveTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [RedisFact]
    public async Task A_browser_on_A_sees_a_task_completed_through_Bs_api_at_once()
    {
        var admin = await ApiClients.ForAsync(instances.B, "admin@workflows.demo");
        var template = await FlowApi.CreateTemplateAsync(admin, FlowApi.SolarTemplate("Two instances"));
        var execution = await FlowApi.StartAsync(admin, template["id"]!.GetValue<string>(), "opportunity-012");

        var page = await instances.A.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/entities/opportunity/opportunity-012");
        await page.WaitForInteractiveAsync();
        var task = page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = "Check documents" }) }).First;
        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "PENDING");

        await FlowApi.PatchTaskAsync(admin, execution["id"]!.GetValue<string>(), "docs", new JsonObject { ["status"] = "COMPLETED" });

        // Live, without a reload: the page on A re-reads when B's change arrives over Redis.
        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "COMPLETED", new() { Timeout = 3_000 });
        await page.ScreenshotAsync("two-instances-live");
        await page.Context.CloseAsync();
    }

    [RedisFact]
    public async Task A_change_committed_on_B_is_published_on_As_bus()
    {
        var arrived = new TaskCompletionSource<FlowChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? watched = null;
        using var subscription = instances.A.App.Services.GetRequiredService<FlowChangeBus>().Subscribe(change =>
        {
            if (change.ExecutionId == Volatile.Read(ref watched))
            {
                arrived.TrySetResult(change);
            }
        });
        var admin = await ApiClients.ForAsync(instances.B, "admin@workflows.demo");
        var template = await FlowApi.CreateTemplateAsync(admin, FlowApi.SolarTemplate("Bus across instances"));
        var execution = await FlowApi.StartAsync(admin, template["id"]!.GetValue<string>(), "opportunity-013");
        Volatile.Write(ref watched, execution["id"]!.GetValue<string>());

        var patched = await FlowApi.PatchTaskAsync(admin, watched!, "docs", new JsonObject { ["status"] = "COMPLETED" });

        var change = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("opportunity-013", change.EntityIds);
        Assert.NotNull(patched);
    }

    [RedisFact]
    public async Task A_token_revoked_on_B_is_refused_by_A_at_once()
    {
        await using var scope = instances.B.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("manager@workflows.demo");
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var created = (await tokens.CreateAsync(user!.Id, "revoked across instances", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None)).Value;
        using var onA = ApiClients.WithToken(instances.A.App, created.Token);
        using (var before = await onA.GetAsync("/v2/flows/templates"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode); // A now holds the token in its cache
        }

        await tokens.RevokeAsync(created.Info.Id, null, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        do
        {
            using var after = await onA.GetAsync("/v2/flows/templates");
            status = after.StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [RedisFact]
    public async Task A_thousand_jobs_run_exactly_once_between_the_two_instances()
    {
        var queue = instances.B.Services.GetRequiredService<JobQueue>();
        var ids = new List<string>();
        var dbFactory = instances.B.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Workflows.Core.Data.WorkflowsDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            for (var i = 0; i < 1000; i++)
            {
                ids.Add(queue.Add(db, new NewJob("count", "{}")).Id);
            }

            await db.SaveChangesAsync();
        }

        instances.A.App.Services.GetRequiredService<JobSignal>().Notify();
        instances.B.Services.GetRequiredService<JobSignal>().Notify();
        var expected = ids.ToHashSet();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (instances.Runs.Count(run => expected.Contains(run.JobId)) < expected.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(1000); // a second run of any job would show up now
        var runs = instances.Runs.Where(run => expected.Contains(run.JobId)).ToList();
        Assert.Equal(expected.Count, runs.Count);
        Assert.Equal(expected.Count, runs.Select(run => run.JobId).Distinct().Count());
        Console.WriteLine($"1,000 jobs: A ran {runs.Count(run => run.Instance == "A")}, B ran {runs.Count(run => run.Instance == "B")}");
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }
}
