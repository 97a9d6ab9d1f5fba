using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using Workflows.Web.Hosting;

namespace Workflows.Tests.Components.Builder;

/// <summary>
/// A bunit context for the builder's panels: MudBlazor with loose JS, one popover provider rendered beside the
/// component (so a select's options are in the same markup), and helpers that act through labels as a person would.
/// </summary>
public abstract class BuilderComponentContext : BunitContext, IAsyncLifetime
{
    protected BuilderComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddWorkflowsLanguages();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>xunit 2 disposes synchronously, which MudBlazor's async-only services refuse; dispose asynchronously first.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected IRenderedComponent<ContainerFragment> RenderWithPopovers(RenderFragment content) =>
        Render<ContainerFragment>(p => p.Add(c => c.ChildContent, builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.AddContent(1, content);
        }));

    /// <summary>The input of the text field with this label.</summary>
    protected static IElement Field(IRenderedComponent<ContainerFragment> page, string label) =>
        Control(page, label).QuerySelector("input, textarea") ?? throw new InvalidOperationException($"No input labelled '{label}'.");

    /// <summary>Opens the select with this label (a multi-select stays open between choices) and clicks the option with this text.</summary>
    protected static void Choose(IRenderedComponent<ContainerFragment> page, string label, string option)
    {
        if (!Options(page, option).Any())
        {
            Control(page, label).QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input")!.MouseDown();
        }

        page.WaitForAssertion(() => Assert.NotEmpty(Options(page, option)));
        Options(page, option).First().Click();
    }

    protected static void Toggle(IRenderedComponent<ContainerFragment> page, string label) =>
        page.FindAll(".mud-switch").Single(s => s.TextContent.Contains(label, StringComparison.Ordinal))
            .QuerySelector("input")!.Change(!page.FindAll(".mud-switch").Single(s => s.TextContent.Contains(label, StringComparison.Ordinal)).QuerySelector("input")!.HasAttribute("checked"));

    protected static IElement Button(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == text || b.GetAttribute("aria-label") == text);

    protected static IElement Control(IRenderedComponent<ContainerFragment> page, string label) =>
        page.FindAll(".mud-input-control").FirstOrDefault(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*') == label)
        ?? throw new InvalidOperationException($"No control labelled '{label}'. Labels: {string.Join(", ", page.FindAll(".mud-input-control label").Select(l => l.TextContent.Trim()))}");

    /// <summary>The open options with this text; an option with a line of detail under its name is found by the name.</summary>
    protected static IEnumerable<IElement> Options(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll(".mud-popover-open .mud-list-item").Where(i => (i.QuerySelector(".wf-choice-name") ?? i).TextContent.Trim() == text);

    /// <summary>Opens the select with this label.</summary>
    protected static void Open(IRenderedComponent<ContainerFragment> page, string label)
    {
        Control(page, label).QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input")!.MouseDown();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-popover-open .mud-list-item")));
    }

    /// <summary>What the select with this label shows as its value, and its helper or error text.</summary>
    protected static (string Shown, string Helper) Shown(IRenderedComponent<ContainerFragment> page, string label)
    {
        var control = Control(page, label);
        return (control.QuerySelector("input")!.GetAttribute("value") ?? "", control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "");
    }
}
