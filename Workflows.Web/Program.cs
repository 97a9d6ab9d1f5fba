using Workflows.Web;
using Workflows.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkflowsApplication();

var app = builder.Build();
if (await Workflows.Web.Hosting.MigrateCommand.TryRunAsync(app, args))
{
    return;
}

await app.PrepareDatabaseAsync();
if (await Workflows.Web.Hosting.BulkSeedCommand.TryRunAsync(app, args) || await Workflows.Web.Hosting.CreateAdminCommand.TryRunAsync(app, args))
{
    return;
}

app.UseWorkflowsPipeline();
app.MapWorkflowsEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
