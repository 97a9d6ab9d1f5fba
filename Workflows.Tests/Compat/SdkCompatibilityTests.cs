using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Compat;

/// <summary>
/// epilot's published npm clients (<c>@epilot/workflow-definition-client</c>, <c>@epilot/workflow-client</c>,
/// <c>@epilot/entity-client</c>, pinned in package-lock.json) run unmodified against the app on a real socket:
/// create a template, start it on a record, work tasks through a lock and a decision, close it.
/// </summary>
public sealed class SdkCompatibilityTests
{
    [NodeFact]
    public async Task Epilots_published_sdk_clients_work_against_our_server()
    {
        using var app = new WorkflowsAppFactory();
        var address = app.StartOnSocket();
        var token = await ApiClients.CreateTokenAsync(app, "admin@workflows.demo");
        var folder = NodeTool.CompatFolder();
        await NodeTool.EnsureInstalledAsync(folder);

        var (exitCode, output) = await NodeTool.RunAsync("node", "sdk-compat.mjs", folder, new Dictionary<string, string>
        {
            ["WORKFLOWS_BASE_URL"] = address.ToString().TrimEnd('/'),
            ["WORKFLOWS_TOKEN"] = token,
        }, TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, "The SDK compatibility script failed:\n" + output);
        Assert.Contains("sdk-compat: all steps passed", output, StringComparison.Ordinal);
    }
}
