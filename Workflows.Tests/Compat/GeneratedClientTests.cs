using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Compat;

/// <summary>
/// A client generated from our own OpenAPI document drives start → work a task → refused stale close → close: the
/// running server's <c>/openapi/v1.json</c> becomes TypeScript types (<c>openapi-typescript</c>), <c>tsc --strict</c>
/// checks <c>generated-client.ts</c> against them (a path, parameter or body the document lacks fails here), and
/// the compiled script runs with <c>openapi-fetch</c>. Versions are pinned in package-lock.json.
/// </summary>
public sealed class GeneratedClientTests
{
    [NodeFact]
    public async Task A_client_generated_from_our_openapi_document_starts_works_and_closes_a_workflow()
    {
        using var app = new WorkflowsAppFactory();
        var address = app.StartOnSocket().ToString().TrimEnd('/');
        var token = await ApiClients.CreateTokenAsync(app, "admin@workflows.demo");
        var folder = NodeTool.CompatFolder();
        await NodeTool.EnsureInstalledAsync(folder);
        var none = new Dictionary<string, string>();

        var generate = await NodeTool.RunAsync("node", $"node_modules/openapi-typescript/bin/cli.js {address}/openapi/v1.json -o generated/schema.d.ts",
            folder, none, TimeSpan.FromMinutes(2));
        Assert.True(generate.ExitCode == 0, "openapi-typescript failed:\n" + generate.Output);
        var compile = await NodeTool.RunAsync("node", "node_modules/typescript/bin/tsc -p tsconfig.json", folder, none, TimeSpan.FromMinutes(3));
        Assert.True(compile.ExitCode == 0, "generated-client.ts does not type-check against our document:\n" + compile.Output);

        var (exitCode, output) = await NodeTool.RunAsync("node", "generated/out/generated-client.js", folder, new Dictionary<string, string>
        {
            ["WORKFLOWS_BASE_URL"] = address,
            ["WORKFLOWS_TOKEN"] = token,
        }, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, "The generated client's script failed:\n" + output);
        Assert.Contains("generated-client: all steps passed", output, StringComparison.Ordinal);
    }
}
