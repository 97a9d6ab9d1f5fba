using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>A record that mirrors its workflow's status follows every change of it, reopening included.</summary>
public sealed class StatusSyncTests : IAsyncLifetime, IDisposable
{
    private const string Opportunity = "opportunity-003";
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;

    private FlowExecutionService Executions => services.GetRequiredService<FlowExecutionService>();

    public async Task InitializeAsync() => services = await CoreServices.BuildSeededAsync(database);

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task The_solar_records_workflow_status_reads_started_closed_and_started_again_after_a_reopen()
    {
        var started = (await Executions.StartAsync(
            DemoWorkflows.TemplateId("solar-installation"), [new EntityRef { EntityId = Opportunity }], Lena, CancellationToken.None)).Value!;
        Assert.Equal("STARTED", await StatusOnRecordAsync());

        var closed = await Executions.ApplyAsync(started.Id, new CloseFlow(["cr-customer-cancelled"]), Lena, null, CancellationToken.None);
        Assert.True(closed.Succeeded, closed.Error);
        Assert.Equal("CLOSED", await StatusOnRecordAsync());

        var reopened = await Executions.ApplyAsync(started.Id, new ReopenFlow(), Lena, null, CancellationToken.None);
        Assert.True(reopened.Succeeded, reopened.Error);
        Assert.Equal("STARTED", await StatusOnRecordAsync());
    }

    private async Task<string?> StatusOnRecordAsync()
    {
        var record = await services.GetRequiredService<EntityService>().GetAsync("opportunity", Opportunity, CancellationToken.None);
        return (string?)record!.Attributes["workflow_status"];
    }
}
