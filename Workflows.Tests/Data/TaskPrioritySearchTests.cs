using Microsoft.Extensions.Time.Testing;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

/// <summary>
/// The task search by priority (sort, ranges) and with follow-up dates: a task whose follow-up day has not come yet, in
/// the tenant's zone (Berlin here), is out of its assignee's open list, and back on that day.
/// </summary>
public sealed class TaskPrioritySearchTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private const string Pia = "u-pia-priority";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // 23:00 in Berlin on 11 December.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 11, 22, 0, 0, TimeSpan.Zero));
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;
    private string executionId = "";

    private TaskSearch Search => services.GetRequiredService<TaskSearch>();

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database, clock, configure: s => s.AddSingleton(new FlowSettings { TimeZone = Berlin }));
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Workflows.Core.Demo.DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var template = ATemplate("Complaint")
            .WithTask("call", "Call customer").AssignedTo(Assignee.Of(Pia)).With(t => t.Tasks[^1].Priority = 90)
            .WithTask("letter", "Write letter").AssignedTo(Assignee.Of(Pia)).With(t => t.Tasks[^1].Priority = 10)
            .WithTask("check", "Check contract").AssignedTo(Assignee.Of(Pia))
            .With(t => t.Id = "complaint")
            .Build();
        Assert.True((await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None)).Succeeded);
        var started = await services.GetRequiredService<FlowExecutionService>().StartAsync("complaint", [new EntityRef { EntityId = "order-001" }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Refusal?.Message);
        executionId = started.Value.Id;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Sorted_by_priority_the_highest_comes_first_and_a_task_without_one_counts_as_25()
    {
        var highest = await Search.SearchAsync(new TaskQuery { TemplateId = "complaint", Sort = TaskSort.PriorityDescending }, CancellationToken.None);
        var lowest = await Search.SearchAsync(new TaskQuery { TemplateId = "complaint", Sort = TaskSort.Priority }, CancellationToken.None);

        Assert.Equal(["call", "check", "letter"], highest.Items.Select(t => t.TaskId));
        Assert.Equal([90, 25, 10], highest.Items.Select(t => t.Priority));
        Assert.Equal(["letter", "check", "call"], lowest.Items.Select(t => t.TaskId));
    }

    [Fact]
    public async Task A_priority_range_keeps_the_tasks_within_it_and_a_change_at_runtime_moves_the_task()
    {
        await ApplyAsync(new SetPriority("letter", 75));

        var critical = await Search.SearchAsync(new TaskQuery { TemplateId = "complaint", PriorityFrom = TaskPriority.LowestOf(TaskPriorityBand.Critical) }, CancellationToken.None);
        var middle = await Search.SearchAsync(new TaskQuery { TemplateId = "complaint", PriorityFrom = 25, PriorityTo = 75 }, CancellationToken.None);
        var mine = await Search.SearchAsync(new TaskQuery { AssigneeIds = [Pia], PriorityTo = 50 }, CancellationToken.None);

        Assert.Equal(["call", "letter"], critical.Items.Select(t => t.TaskId).Order());
        Assert.Equal(["check", "letter"], middle.Items.Select(t => t.TaskId).Order());
        Assert.Equal(["check"], mine.Items.Select(t => t.TaskId));
    }

    [Fact]
    public async Task A_follow_up_hides_the_task_from_its_assignees_open_list_until_the_day_in_the_tenant_zone()
    {
        await ApplyAsync(new SetFollowUp("call", new DateOnly(2026, 12, 12)));
        var dayStart = new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.FromHours(1));

        var mine = await Search.SearchAsync(new TaskQuery { AssigneeIds = [Pia] }, CancellationToken.None);
        var withFollowUps = await Search.SearchAsync(new TaskQuery { AssigneeIds = [Pia], ShowFollowUps = true }, CancellationToken.None);
        var all = await Search.SearchAsync(new TaskQuery { AssigneeIds = [Pia], Status = TaskStatusFilter.All }, CancellationToken.None);
        var everyones = await Search.SearchAsync(new TaskQuery { TemplateId = "complaint" }, CancellationToken.None);
        var counts = await Search.CountAsync(new TaskQuery { AssigneeIds = [Pia] }, dayStart, dayStart.AddDays(1), dayStart, CancellationToken.None);

        Assert.Equal(["check", "letter"], mine.Items.Select(t => t.TaskId).Order());
        Assert.Equal(3, withFollowUps.Total);
        Assert.Equal(new DateOnly(2026, 12, 12), withFollowUps.Items.Single(t => t.TaskId == "call").FollowUpOn);
        Assert.Equal(3, all.Total);
        Assert.Equal(3, everyones.Total);
        Assert.Equal(2, counts.Open);

        // 00:30 in Berlin on 12 December, still the 11th in UTC: the day has come for the tenant.
        clock.Advance(TimeSpan.FromMinutes(90));
        var onTheDay = await Search.SearchAsync(new TaskQuery { AssigneeIds = [Pia] }, CancellationToken.None);
        Assert.Equal(["call", "check", "letter"], onTheDay.Items.Select(t => t.TaskId).Order());
    }

    [Fact]
    public async Task A_cleared_follow_up_brings_the_task_back_and_the_join_path_hides_it_too()
    {
        await ApplyAsync(new SetFollowUp("call", new DateOnly(2027, 1, 4)));

        // A priority sort reads the task rows joined to the links rather than the links alone.
        var sorted = await Search.SearchAsync(new TaskQuery { AssigneeIds = [Pia], Sort = TaskSort.PriorityDescending }, CancellationToken.None);
        Assert.Equal(["check", "letter"], sorted.Items.Select(t => t.TaskId));

        await ApplyAsync(new SetFollowUp("call", null));
        var back = await Search.SearchAsync(new TaskQuery { AssigneeIds = [Pia], Sort = TaskSort.PriorityDescending }, CancellationToken.None);
        Assert.Equal(["call", "check", "letter"], back.Items.Select(t => t.TaskId));
    }

    private async Task ApplyAsync(FlowCommand command)
    {
        var applied = await services.GetRequiredService<FlowExecutionService>().ApplyAsync(executionId, command, Lena, null, CancellationToken.None);
        Assert.True(applied.Succeeded, applied.Refusal?.Message);
    }
}
