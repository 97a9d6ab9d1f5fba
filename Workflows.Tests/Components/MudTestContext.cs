using Bunit;
using MudBlazor.Services;
using Workflows.Web.Hosting;

namespace Workflows.Tests.Components;

/// <summary>
/// A bunit context with MudBlazor's services. xunit 2 disposes test classes synchronously, which MudBlazor's
/// async-only services refuse; disposing asynchronously first makes xunit's later <c>Dispose</c> a no-op.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(config => Workflows.Web.Components.Shared.OutcomeSnackbar.Configure(config.SnackbarConfiguration));
        Services.AddWorkflowsLanguages();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
