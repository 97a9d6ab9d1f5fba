using System.Diagnostics;
using Workflows.Bench.Reporting;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows.Validation;
using Workflows.Core.Identity;
using Workflows.Web.Components.Builder;

namespace Workflows.Bench.Builder;

/// <summary>
/// Scenario <c>builder</c>: what opening and saving a large template costs on the server, through the code the builder
/// page runs: <see cref="FlowTemplateService.GetAsync"/>, a <see cref="FlowEditor"/> (diagram and layout), the
/// validator, and <see cref="FlowTemplateService.SaveAsync"/> of a clone (a new version each time).
/// </summary>
public static class BuilderScenario
{
    private const double GoalMs = 1000;

    public static async Task<IReadOnlyList<BenchMetric>> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var host = await CoreHost.StartAsync(settings, cancellationToken);
        var templates = host.Get<FlowTemplateService>();
        var catalogue = await new ClosingReasonCatalogue(host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Workflows.Core.Data.WorkflowsDbContext>>(), TimeProvider.System)
            .ListAsync(includeInactive: true, cancellationToken);
        var builder = new Actor("bench-builder", "Bench builder");
        var first = await templates.SaveAsync(LargeTemplate(settings.BuilderTasks), null, builder, cancellationToken);
        var id = first.Value?.Id ?? throw new InvalidOperationException(first.Error);

        Latencies load = new(), validate = new(), save = new(), total = new();
        for (var i = 0; i < settings.BuilderRepeats + 2; i++)
        {
            var begun = Stopwatch.GetTimestamp();
            var template = await templates.GetAsync(id, cancellationToken) ?? throw new InvalidOperationException("The template is gone.");
            var editor = new FlowEditor(template);
            var loaded = Stopwatch.GetTimestamp();
            var problems = FlowTemplateValidator.Validate(editor.Template, catalogue);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The bench template is invalid: {problems[0].Message}");
            }

            var validated = Stopwatch.GetTimestamp();
            var saved = await templates.SaveAsync(FlowDiagramMapper.Clone(editor.Template), editor.Template.Revision, builder, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException(saved.Error);
            }

            if (i < 2)
            {
                continue; // warm-up
            }

            load.Add(Stopwatch.GetElapsedTime(begun, loaded).TotalMilliseconds);
            validate.Add(Stopwatch.GetElapsedTime(loaded, validated).TotalMilliseconds);
            save.Add(validated);
            total.Add(begun);
        }

        var note = $"{settings.BuilderTasks} tasks, {settings.BuilderRepeats} rounds";
        return
        [
            new("builder", $"{settings.BuilderTasks}-task template load+validate+save p95", total.Percentile(95), GoalMs, "ms", $"p50 {total.Percentile(50)} · {note}"),
            new("builder", "load (service + editor) p50", load.Percentile(50), null, "ms"),
            new("builder", "validate p50", validate.Percentile(50), null, "ms"),
            new("builder", "save p50", save.Percentile(50), null, "ms"),
        ];
    }

    /// <summary>Tasks in ten phases, each waiting for the one before, with assignees and due dates: a big real process.</summary>
    public static FlowTemplate LargeTemplate(int tasks)
    {
        string TaskId(int i) => $"task-{i + 1:000}";
        var phases = Math.Max(1, Math.Min(10, tasks / 10));
        return new FlowTemplate
        {
            Id = "bench-large-template",
            Name = $"Bench: {tasks} tasks",
            Description = "A large process for the builder benchmark.",
            Trigger = new TemplateTrigger { Id = "manual-opportunity", Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" },
            Phases = [.. Enumerable.Range(0, phases).Select(p => new FlowPhase { Id = $"phase-{p + 1:00}", Name = $"Phase {p + 1}" })],
            Tasks = [.. Enumerable.Range(0, tasks).Select(i => new FlowTask
            {
                Id = TaskId(i),
                Name = $"Step {i + 1}",
                Description = new TaskDescription { Enabled = true, Value = $"Do **step {i + 1}** and note the result." },
                PhaseId = $"phase-{i * phases / tasks + 1:00}",
                Requirements = i == 0 ? null : [new EnableRequirement { TaskId = TaskId(i - 1), When = RequirementWhen.TASK_FINISHED }],
                AssignedTo = [Assignee.FromVariable("{{entity.owner}}")],
                DueDateConfig = i == 0
                    ? new DueDateConfig { Duration = 2, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED }
                    : new DueDateConfig { Duration = 2, Unit = TimeUnit.Days, Type = DueDateType.TASK_FINISHED, TaskId = TaskId(i - 1) },
            })],
            Edges = [.. Enumerable.Range(0, tasks - 1).Select(i => new FlowEdge { Id = $"e{i + 1:000}", FromId = TaskId(i), ToId = TaskId(i + 1) })],
        };
    }
}
