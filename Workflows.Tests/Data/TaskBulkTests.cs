using System.Security.Claims;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

/// <summary>What a bulk bar offers for a selection and how it applies a command, on a real SQLite file.</summary>
public sealed class TaskBulkTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;
    private FlowExecution execution = default!;

    private TaskBulk Bulk => services.GetRequiredService<TaskBulk>();

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var template = ATemplate("Bulk check")
            .WithTask("docs", "Check documents").AssignedTo(Assignee.Of("lena"))
            .WithTask("offer", "Send offer").Requires("docs").AssignedTo(Assignee.Of("partner-solartech"))
            .Chain("docs", "offer")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
            })
            .Build();
        var saved = await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None);
        execution = (await services.GetRequiredService<FlowExecutionService>()
            .StartAsync(saved.Value!.Id!, [new EntityRef { EntityId = "opportunity-001" }], Lena, CancellationToken.None)).Value!;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    private SelectedTask Selected(string taskId) =>
        new(execution.Id, taskId, execution.FindTask(taskId)!.Name, [.. execution.FindTask(taskId)!.AssigneeIds()]);

    private static ClaimsPrincipal Signed(string userId, string role, string? partnerId = null)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Role, role)];
        if (partnerId is not null)
        {
            claims.Add(new Claim(UserClaims.PartnerId, partnerId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public async Task Done_is_withheld_when_every_selected_task_waits_for_another_and_offered_once_one_can_be_done()
    {
        var caseWorker = Signed("lena", Roles.CaseWorker);

        var lockedOnly = await Bulk.OfferAsync([Selected("offer")], caseWorker, Lena, CancellationToken.None);
        var both = await Bulk.OfferAsync([Selected("docs"), Selected("offer")], caseWorker, Lena, CancellationToken.None);

        Assert.False(lockedOnly.Offers(TaskCommandKind.Complete));
        Assert.True(lockedOnly.Offers(TaskCommandKind.PutOnHold));
        Assert.True(both.Offers(TaskCommandKind.Complete));
        Assert.Equal(1, both.Accepting[TaskCommandKind.Complete]);
        Assert.True(both.MayManage);
    }

    [Fact]
    public async Task A_partner_is_offered_no_assigning_and_a_task_outside_their_scope_fails_with_the_reason()
    {
        var partner = Signed("klaus", Roles.Partner, partnerId: "partner-solartech");
        var klaus = new Actor("klaus", "Klaus Richter");

        var offer = await Bulk.OfferAsync([Selected("docs")], partner, klaus, CancellationToken.None);
        var results = await Bulk.ApplyAsync([Selected("docs"), Selected("offer")], id => new SetTaskStatus(id, StepStatus.ON_HOLD), partner, klaus, CancellationToken.None);

        Assert.False(offer.MayManage);
        Assert.Empty(offer.Accepting);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(("docs", "Check documents", "This task is not assigned to you or your organisation."), (refused.TaskId, refused.TaskName, refused.Message));
        Assert.Single(results, r => r.Succeeded && r.TaskId == "offer");
    }
}
