using Bunit;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;
using Workflows.Web.Components.Builder;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Components.Builder;

/// <summary>The builder speaks German to a German user: the bar, the palette and the task panel read the German texts; names stay as written.</summary>
public sealed class BuilderGermanTests : BuilderComponentContext
{
    [Fact]
    public void The_toolbar_palette_and_task_panel_show_german_labels()
    {
        var template = ATemplate().WithTask("check", "Check documents").WithDecision("d").Edge("check", "d").Build();
        var editor = new FlowEditor(template);
        var task = editor.Template.Tasks.First(t => t.Id == "check");

        var page = InGerman(() => RenderWithPopovers(builder =>
        {
            builder.OpenComponent<BuilderToolbar>(0);
            builder.AddComponentParameter(1, nameof(BuilderToolbar.Editor), editor);
            builder.AddComponentParameter(2, nameof(BuilderToolbar.ProblemCount), 2);
            builder.CloseComponent();
            builder.OpenComponent<BuilderPalette>(3);
            builder.CloseComponent();
            builder.OpenComponent<TaskDetailsPanel>(4);
            builder.AddComponentParameter(5, nameof(TaskDetailsPanel.Task), task);
            builder.AddComponentParameter(6, nameof(TaskDetailsPanel.Tasks), editor.Template.Tasks);
            builder.CloseComponent();
        }));
        var toolbar = page.Find(".wf-builder-bar");
        var palette = page.Find("nav.wf-palette");
        var panel = page.Find("[aria-label='Aufgabendetails']");

        Assert.Contains("Speichern", toolbar.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(toolbar.QuerySelector("[aria-label='Rückgängig']"));
        Assert.NotNull(toolbar.QuerySelector("[aria-label='Einpassen']"));
        Assert.DoesNotContain(">Save<", toolbar.OuterHtml, StringComparison.Ordinal);

        Assert.Contains("Zur Arbeitsfläche hinzufügen", palette.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(palette.QuerySelector("[aria-label='Manuelle Aufgabe hinzufügen']"));
        Assert.Contains("Entscheidung", palette.OuterHtml, StringComparison.Ordinal);

        Assert.Contains("Manuelle Aufgabe", panel.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Führt zu", panel.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Fälligkeit", panel.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Zuständige", panel.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("Check documents", Field(page, "Name").GetAttribute("value"));
    }

    [Fact]
    public void Status_messages_of_the_canvas_are_german()
    {
        var template = ATemplate().WithTask("a", "Check documents").WithTask("b", "Call customer").Build();
        var editor = new FlowEditor(template);
        var (from, to) = (editor.Tasks.First(n => n.Task.Id == "a"), editor.Tasks.First(n => n.Task.Id == "b"));

        var message = InGerman(() => editor.Connect(from, to));

        Assert.Equal("„Check documents“ führt jetzt zu „Call customer“.", message);
        Assert.Equal("'Check documents' already leads to 'Call customer'.", editor.Connect(from, to));
    }

    private static T InGerman<T>(Func<T> work) => Languages.In(Languages.German, work);
}
