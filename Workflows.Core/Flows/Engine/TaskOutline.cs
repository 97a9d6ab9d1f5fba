using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// The order in which a workflow's tasks are listed: the graph's order from its start tasks along the edges (loops
/// ignored, ties in template order), so the first task comes first. A phase stays together and stands where its first
/// task stands; tasks outside a phase stand where the graph puts them. Phases without tasks come last.
/// </summary>
public static class TaskOutline
{
    public static IReadOnlyList<TaskSection> Of(FlowExecution execution)
    {
        var graph = new FlowGraph(execution);
        var sections = new List<(ExecutionPhase? Phase, List<ExecutionTask> Tasks)>();
        var phaseSections = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in graph.Topo)
        {
            var task = graph.Tasks[i];
            if (graph.Phase(task.PhaseId) is { } phase)
            {
                if (!phaseSections.TryGetValue(phase.Id, out var s))
                {
                    s = sections.Count;
                    phaseSections[phase.Id] = s;
                    sections.Add((phase, []));
                }

                sections[s].Tasks.Add(task);
            }
            else if (sections.Count > 0 && sections[^1].Phase is null)
            {
                sections[^1].Tasks.Add(task);
            }
            else
            {
                sections.Add((null, [task]));
            }
        }

        sections.AddRange(graph.Phases.Where(p => !phaseSections.ContainsKey(p.Id)).Select(p => ((ExecutionPhase?)p, new List<ExecutionTask>())));
        return [.. sections.Select(s => new TaskSection(s.Phase, s.Tasks))];
    }
}
