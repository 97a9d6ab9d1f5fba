using Workflows.Core.Flows.Templates;


namespace Workflows.Web.Components.Builder;

/// <summary>
/// Lays a template out left to right: each task's column is the length of the longest edge path that reaches it
/// (edges that lead back, such as a decision's loop, are ignored). Each phase is a band around its tasks; phases that
/// follow each other share a row of the canvas, phases that run alongside each other stack, in the template's order,
/// with the tasks outside any phase as a last band.
/// </summary>
public static class FlowLayout
{
    public const double Margin = 40;
    /// <summary>Between one column's tasks and the next: room for a connection's branch label ("None met", "Keine erfüllt") between the two ports.</summary>
    public const double ColumnGap = 140;
    public const double RowGap = 28;
    public const double BandGap = 48;

    /// <summary>The top-left corner of each task by id, and of each phase that has no tasks.</summary>
    public static FlowLayoutResult Arrange(FlowTemplate template)
    {
        var tasks = template.Tasks.Where(t => !string.IsNullOrEmpty(t.Id)).DistinctBy(t => t.Id).ToList();
        var column = Columns(tasks, template.Edges);
        var predecessors = tasks.ToDictionary(t => t.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in template.Edges)
        {
            if (edge.ToId is { } to && predecessors.TryGetValue(to, out var list) && predecessors.ContainsKey(edge.FromId))
            {
                list.Add(edge.FromId);
            }
        }

        var phases = template.Phases ?? [];
        var phaseIds = phases.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var bands = phases.Select(p => (Phase: (FlowPhase?)p, Tasks: tasks.Where(t => t.PhaseId == p.Id).ToList())).ToList();
        var loose = tasks.Where(t => t.PhaseId is null || !phaseIds.Contains(t.PhaseId)).ToList();
        if (loose.Count > 0)
        {
            bands.Add((null, loose));
        }

        // Each band spans a range of columns. Bands whose ranges do not overlap share a lane (a row of the canvas), so
        // phases that follow each other sit side by side; overlapping ones stack in the next free lane.
        var placed = new List<(int Lane, int First, int Last)>();
        var laneHeights = new List<double>();
        var bandLane = new List<int>();
        foreach (var (phase, members) in bands)
        {
            var first = members.Count == 0 ? 0 : members.Min(t => column[t.Id]);
            var last = members.Count == 0 ? 0 : members.Max(t => column[t.Id]);
            var lane = 0;
            while (placed.Exists(p => p.Lane == lane && p.First <= last && first <= p.Last))
            {
                lane++;
            }

            placed.Add((lane, first, last));
            bandLane.Add(lane);
            var rows = members.Count == 0 ? 1 : members.GroupBy(t => column[t.Id]).Max(g => g.Count());
            var height = phase is null
                ? rows * (TaskNode.Height + RowGap) - RowGap
                : PhaseGroup.HeaderHeight + 2 * PhaseGroup.Inset + rows * (TaskNode.Height + RowGap) - RowGap;
            while (laneHeights.Count <= lane)
            {
                laneHeights.Add(0);
            }

            laneHeights[lane] = Math.Max(laneHeights[lane], height);
        }

        var laneTops = new List<double>();
        var top = Margin;
        foreach (var height in laneHeights)
        {
            laneTops.Add(top);
            top += height + BandGap;
        }

        var taskPositions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var emptyPhases = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var rowOf = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var b = 0; b < bands.Count; b++)
        {
            var (phase, members) = bands[b];
            var bandTop = laneTops[bandLane[b]];
            var inset = phase is null ? 0 : PhaseGroup.Inset;
            var header = phase is null ? 0 : PhaseGroup.HeaderHeight;
            if (members.Count == 0)
            {
                emptyPhases[phase!.Id] = (Margin, bandTop);
                continue;
            }

            foreach (var group in members.GroupBy(t => column[t.Id]).OrderBy(g => g.Key))
            {
                // Order a column by where its predecessors sit, so edges cross as little as a single pass allows.
                var ordered = group
                    .Select((task, index) => (task, index, weight: Barycenter(predecessors[task.Id], rowOf) ?? index))
                    .OrderBy(x => x.weight).ThenBy(x => x.index)
                    .Select(x => x.task)
                    .ToList();
                for (var row = 0; row < ordered.Count; row++)
                {
                    var task = ordered[row];
                    var x = Margin + PhaseGroup.Inset + group.Key * (TaskNode.Width + ColumnGap);
                    var y = bandTop + header + inset + row * (TaskNode.Height + RowGap);
                    taskPositions[task.Id] = (x, y);
                    rowOf[task.Id] = y;
                }
            }
        }

        return new FlowLayoutResult(taskPositions, emptyPhases);
    }

    private static double? Barycenter(List<string> predecessors, Dictionary<string, double> rowOf)
    {
        var placed = predecessors.Where(rowOf.ContainsKey).Select(p => rowOf[p]).ToList();
        return placed.Count == 0 ? null : placed.Average() / (TaskNode.Height + RowGap);
    }

    /// <summary>Longest-path layering over the edges that do not close a cycle.</summary>
    private static Dictionary<string, int> Columns(List<FlowTask> tasks, List<FlowEdge> edges)
    {
        var next = tasks.ToDictionary(t => t.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            if (edge.ToId is { } to && next.ContainsKey(to) && next.TryGetValue(edge.FromId, out var list) && to != edge.FromId)
            {
                list.Add(to);
            }
        }

        // Depth-first search in template order; an edge to a task still on the stack leads back and is dropped.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var forward = tasks.ToDictionary(t => t.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var start in tasks)
        {
            if (state.ContainsKey(start.Id))
            {
                continue;
            }

            var stack = new Stack<(string Id, int Next)>();
            stack.Push((start.Id, 0));
            state[start.Id] = 1;
            while (stack.Count > 0)
            {
                var (id, k) = stack.Pop();
                if (k >= next[id].Count)
                {
                    state[id] = 2;
                    order.Add(id);
                    continue;
                }

                stack.Push((id, k + 1));
                var target = next[id][k];
                var seen = state.GetValueOrDefault(target);
                if (seen == 1)
                {
                    continue;
                }

                forward[id].Add(target);
                if (seen == 0)
                {
                    state[target] = 1;
                    stack.Push((target, 0));
                }
            }
        }

        order.Reverse();
        var column = tasks.ToDictionary(t => t.Id, _ => 0, StringComparer.Ordinal);
        foreach (var id in order)
        {
            foreach (var target in forward[id])
            {
                column[target] = Math.Max(column[target], column[id] + 1);
            }
        }

        return column;
    }
}
