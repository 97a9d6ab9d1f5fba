using System.Text.Json;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// Turns a template into canvas items and back, as Elsa Studio's flowchart mapper does: the canvas is a view, the
/// template stays the model. Tasks, phases and edges ride on their nodes, groups and links, so every property the
/// canvas does not show (including unknown ones kept in <c>ExtensionData</c>) comes back unchanged; only positions,
/// phase membership and the set of items are read from the canvas.
/// </summary>
public static class FlowDiagramMapper
{
    /// <summary>
    /// Draws the template where <see cref="CanvasPositions"/> puts its items.
    /// </summary>
    /// <returns>The edges that cannot be drawn because an end is missing; <see cref="Read"/> keeps them.</returns>
    public static IReadOnlyList<FlowEdge> Load(BlazorDiagram diagram, FlowTemplate template)
    {
        var hidden = new List<FlowEdge>();
        var positions = CanvasPositions.Of(template);
        diagram.Batch(() =>
        {
            var groups = new Dictionary<string, PhaseGroup>(StringComparer.Ordinal);
            foreach (var (phase, (px, py, width, height)) in (template.Phases ?? []).Zip(positions.PhaseFrames))
            {
                var group = new PhaseGroup(phase, new Point(px, py), new Size(width, height));
                groups.TryAdd(phase.Id, group);
                diagram.Groups.Add(group);
            }

            var nodes = new Dictionary<string, TaskNode>(StringComparer.Ordinal);
            foreach (var task in template.Tasks)
            {
                var (x, y) = positions.Task(task);
                var node = new TaskNode(task, new Point(x, y));
                nodes.TryAdd(task.Id, node);
                diagram.Nodes.Add(node);
                if (task.PhaseId is { } phaseId && groups.TryGetValue(phaseId, out var group))
                {
                    group.AddChild(node);
                }
            }

            foreach (var group in groups.Values)
            {
                group.Fit();
            }

            foreach (var edge in template.Edges)
            {
                if (edge.ToId is { } toId && nodes.TryGetValue(edge.FromId, out var from) && nodes.TryGetValue(toId, out var to))
                {
                    var link = new EdgeLink(edge, from.Out, to.In);
                    link.ShowBranch(from.Task);
                    diagram.Links.Add(link);
                }
                else
                {
                    hidden.Add(edge);
                }
            }
        });
        return hidden;
    }

    /// <summary>
    /// The template the canvas shows: <paramref name="settings"/> for everything above the tasks, the tasks, phases and
    /// edges on the canvas in the order they were loaded or added, with their positions and phases.
    /// </summary>
    public static FlowTemplate Read(BlazorDiagram diagram, FlowTemplate settings, IReadOnlyList<FlowEdge> hiddenEdges)
    {
        var template = Clone(settings);
        var phaseIds = diagram.Groups.OfType<PhaseGroup>().Select(g => g.Phase.Id).ToHashSet(StringComparer.Ordinal);

        template.Phases = settings.Phases is null && phaseIds.Count == 0
            ? null
            : [.. diagram.Groups.OfType<PhaseGroup>().Select(group =>
            {
                var phase = Clone(group.Phase);
                var bounds = group.Bounds;
                phase.ExtensionData = CanvasPlacement.WithSize(CanvasPlacement.WithPosition(phase.ExtensionData, bounds.Left, bounds.Top), bounds.Width, bounds.Height);
                return phase;
            })];

        template.Tasks = [.. diagram.Nodes.OfType<TaskNode>().Select(node =>
        {
            var task = Clone(node.Task);
            task.PhaseId = node.Group is PhaseGroup group ? group.Phase.Id
                : task.PhaseId is { } phaseId && phaseIds.Contains(phaseId) ? null
                : task.PhaseId;
            task.ExtensionData = CanvasPlacement.WithPosition(task.ExtensionData, node.Position.X, node.Position.Y);
            return task;
        })];

        template.Edges = [.. diagram.Links.OfType<EdgeLink>()
            .Where(link => link.Edge is not null && link.Ends is not null)
            .Select(link => link.Edge! with { FromId = link.Ends!.Value.From.Task.Id, ToId = link.Ends.Value.To.Task.Id }), .. hiddenEdges];
        return template;
    }

    /// <summary>A deep copy through the template's own JSON, which is what saving stores anyway.</summary>
    public static T Clone<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, FlowJson.Options), FlowJson.Options)!;
}
