using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Validation;

/// <summary>The checks on the template's graph: edges that hold together, and cycles only where a decision loops.</summary>
public static partial class FlowTemplateValidator
{
    private static void CheckEdges(
        FlowTemplate template,
        Dictionary<string, FlowTask> taskById,
        Func<FlowTask, string> name,
        Action<string, ValidationItemKind, string?> add)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var defaults = new Dictionary<string, int>(StringComparer.Ordinal);
        var branchesWithEdge = new HashSet<(string, string)>();
        foreach (var edge in template.Edges)
        {
            if (!ids.Add(edge.Id))
            {
                add(RefusalText.Of("EdgeIdTwice", edge.Id), ValidationItemKind.Edge, edge.Id);
            }

            if (!taskById.TryGetValue(edge.FromId, out var from))
            {
                add(RefusalText.Of("EdgeFromNotTask", edge.Id, edge.FromId), ValidationItemKind.Edge, edge.Id);
            }

            if (edge.ToId is null)
            {
                add(RefusalText.Of("EdgeLeadsNowhere", edge.Id), ValidationItemKind.Edge, edge.Id);
            }
            else if (!taskById.ContainsKey(edge.ToId))
            {
                add(RefusalText.Of("EdgeToNotTask", edge.Id, edge.ToId), ValidationItemKind.Edge, edge.Id);
            }

            if (from is null)
            {
                continue;
            }

            var isBranch = edge.ConditionId is not null || edge.NoneMet == true;
            if (from.TaskType != TaskType.DECISION)
            {
                if (isBranch)
                {
                    add(RefusalText.Of("EdgeBranchNotDecision", edge.Id, name(from)), ValidationItemKind.Edge, edge.Id);
                }

                continue;
            }

            if (edge.NoneMet == true)
            {
                defaults[from.Id] = defaults.GetValueOrDefault(from.Id) + 1;
            }
            else if (edge.ConditionId is null)
            {
                add(RefusalText.Of("EdgeNoBranch", edge.Id, name(from)), ValidationItemKind.Edge, edge.Id);
            }
            else if (from.Conditions?.Exists(c => c.Id == edge.ConditionId) != true)
            {
                add(RefusalText.Of("EdgeUnknownBranch", edge.Id, name(from), edge.ConditionId, name(from)), ValidationItemKind.Edge, edge.Id);
            }
            else
            {
                branchesWithEdge.Add((from.Id, edge.ConditionId));
            }
        }

        foreach (var (decisionId, count) in defaults.Where(d => d.Value > 1))
        {
            add(RefusalText.Of("DecisionDefaultEdges", name(taskById[decisionId]), count), ValidationItemKind.Task, decisionId);
        }

        foreach (var decision in taskById.Values.Where(t => t.TaskType == TaskType.DECISION))
        {
            foreach (var condition in decision.Conditions ?? [])
            {
                if (!branchesWithEdge.Contains((decision.Id, condition.Id)))
                {
                    add(RefusalText.Of("BranchLeadsNowhere", condition.BranchName ?? condition.Id, name(decision)), ValidationItemKind.Task, decision.Id);
                }
            }
        }
    }

    private static void CheckRequirementCycles(Dictionary<string, FlowTask> taskById, Func<FlowTask, string> name, Action<string, ValidationItemKind, string?> add)
    {
        var tasks = taskById.Values.ToList();
        var index = tasks.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var waitsFor = tasks.ConvertAll(t =>
        {
            var targets = new List<int>();
            foreach (var r in t.Requirements ?? [])
            {
                if (r.When == RequirementWhen.TASK_FINISHED && r.TaskId is not null && index.TryGetValue(r.TaskId, out var j) && j != index[t.Id])
                {
                    targets.Add(j);
                }
                else if (r.When == RequirementWhen.PHASE_FINISHED && r.PhaseId != t.PhaseId)
                {
                    targets.AddRange(tasks.Select((p, k) => (p, k)).Where(x => x.p.PhaseId == r.PhaseId && x.p.PhaseId is not null).Select(x => x.k));
                }
            }

            return targets;
        });

        if (FindCycle(tasks.Count, i => waitsFor[i]) is { } cycle)
        {
            var names = string.Join(", ", cycle.Select(i => RefusalText.Of("Quoted", name(tasks[i]))));
            add(RefusalText.Of("RequirementCycle", names), ValidationItemKind.Task, tasks[cycle[0]].Id);
        }
    }

    private static void CheckEdgeCycles(FlowTemplate template, Dictionary<string, FlowTask> taskById, Func<FlowTask, string> name, Action<string, ValidationItemKind, string?> add)
    {
        var tasks = taskById.Values.ToList();
        var index = tasks.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var next = tasks.ConvertAll(_ => new List<int>());
        foreach (var edge in template.Edges)
        {
            if (!index.TryGetValue(edge.FromId, out var from) || edge.ToId is null || !index.TryGetValue(edge.ToId, out var to))
            {
                continue;
            }

            // A decision's declared loop branch is the one edge allowed to lead back.
            var source = tasks[from];
            if (source.LoopConfig?.LoopBranchId is { } loop && edge.ConditionId == loop)
            {
                continue;
            }

            next[from].Add(to);
        }

        if (FindCycle(tasks.Count, i => next[i]) is { } cycle)
        {
            var path = string.Join(" → ", cycle.Append(cycle[0]).Select(i => RefusalText.Of("Quoted", name(tasks[i]))));
            var edgeId = template.Edges.Find(e => e.FromId == tasks[cycle[^1]].Id && e.ToId == tasks[cycle[0]].Id)?.Id;
            add(RefusalText.Of("EdgeCycle", path), ValidationItemKind.Edge, edgeId);
        }
    }

    /// <summary>A cycle as the list of its nodes in order, or null when the graph has none.</summary>
    private static List<int>? FindCycle(int count, Func<int, List<int>> next)
    {
        var color = new byte[count];
        var parent = new int[count];
        for (var start = 0; start < count; start++)
        {
            if (color[start] != 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, int Next)>();
            stack.Push((start, 0));
            color[start] = 1;
            while (stack.Count > 0)
            {
                var (v, k) = stack.Pop();
                var targets = next(v);
                if (k >= targets.Count)
                {
                    color[v] = 2;
                    continue;
                }

                stack.Push((v, k + 1));
                var w = targets[k];
                if (color[w] == 1)
                {
                    var cycle = new List<int> { v };
                    for (var u = v; u != w; u = parent[u])
                    {
                        cycle.Add(parent[u]);
                    }

                    cycle.Reverse();
                    return cycle;
                }

                if (color[w] == 0)
                {
                    color[w] = 1;
                    parent[w] = v;
                    stack.Push((w, 0));
                }
            }
        }

        return null;
    }
}
