using Bunit;
using Microsoft.AspNetCore.Components;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows.Validation;
using Workflows.Web.Components.Builder;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Components.Builder;

/// <summary>The problems list shows what the validator says, and choosing an entry selects the item it names.</summary>
public sealed class ProblemsListTests : BuilderComponentContext
{
    [Fact]
    public void Each_entry_shows_the_validators_message()
    {
        var template = ATemplate().WithTask("a", "Call customer").WithAutomation("mail").With(t => t.Tasks[1].AutomationConfig = null).Build();
        var problems = FlowTemplateValidator.Validate(template, []);

        var page = Render<ProblemsList>(p => p.Add(c => c.Problems, problems));

        var entries = page.FindAll("[data-problem-item]");
        Assert.Equal(problems.Count, entries.Count);
        Assert.Contains("Automation task 'mail' has no automation to run.", entries[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_problems_it_says_the_workflow_can_be_saved()
    {
        var page = Render<ProblemsList>(p => p.Add(c => c.Problems, []));

        Assert.Contains("No problems: the workflow can be saved.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_an_entry_selects_the_offending_node_on_the_canvas()
    {
        var template = ATemplate().WithTask("a", "Call customer").WithDecision("d").Edge("a", "d").Build();
        var editor = new FlowEditor(template);
        var problems = FlowTemplateValidator.Validate(editor.Template, []);
        var page = Render<ProblemsList>(p => p
            .Add(c => c.Problems, problems)
            .Add(c => c.OnSelect, EventCallback.Factory.Create<ValidationProblem>(this, problem => editor.Select(problem.ItemId))));

        page.Find("[data-problem-item]").Click();

        Assert.Equal("d", editor.SelectedTask?.Task.Id);
        Assert.True(editor.SelectedTask!.Selected);
    }
}
