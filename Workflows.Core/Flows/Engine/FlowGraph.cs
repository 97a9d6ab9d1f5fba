using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Index of an execution's tasks, phases and edges, built once per command in O(tasks + edges).
/// Edges that close a loop (found by a depth-first search from the start tasks) are kept apart
/// as back edges: joins ignore them, and firing one restarts the loop body.
/// </summary>
internal sealed partial class FlowGraph
{
    public FlowGraph(FlowExecution execution)
    {
        Tasks = [.. execution.Tasks];
        var n = Tasks.Length;
        TaskIndex = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            TaskIndex.TryAdd(Tasks[i].Id, i);
        }

        Phases = [.. execution.Phases];
        PhaseIndex = new Dictionary<string, int>(Phases.Length, StringComparer.Ordinal);
        PhaseTasks = new List<int>[Phases.Length];
        for (var k = 0; k < Phases.Length; k++)
        {
            PhaseIndex.TryAdd(Phases[k].Id, k);
            PhaseTasks[k] = [];
        }

        for (var i = 0; i < n; i++)
        {
            if (Tasks[i].PhaseId is { } phaseId && PhaseIndex.TryGetValue(phaseId, out var k))
            {
                PhaseTasks[k].Add(i);
            }
        }

        Edges = [.. execution.Edges];
        From = new int[Edges.Length];
        To = new int[Edges.Length];
        IsBack = new bool[Edges.Length];
        AllOut = NewLists(n);
        In = NewLists(n);
        Out = NewLists(n);
        var hasIncoming = new bool[n];
        for (var e = 0; e < Edges.Length; e++)
        {
            From[e] = IndexOf(Edges[e].FromId);
            To[e] = Edges[e].ToId is { } to ? IndexOf(to) : -1;
            if (From[e] >= 0 && To[e] >= 0)
            {
                AllOut[From[e]].Add(e);
                hasIncoming[To[e]] = true;
            }
        }

        MarkBackEdges(hasIncoming);
        var back = new List<int>();
        for (var e = 0; e < Edges.Length; e++)
        {
            if (From[e] < 0 || To[e] < 0)
            {
                continue;
            }

            if (IsBack[e])
            {
                back.Add(e);
            }
            else
            {
                Out[From[e]].Add(e);
                In[To[e]].Add(e);
            }
        }

        BackEdges = [.. back];
        Topo = TopologicalOrder();
        IsLinear = execution.Linear == true;
    }

    public ExecutionTask[] Tasks { get; }

    public Dictionary<string, int> TaskIndex { get; }

    public ExecutionPhase[] Phases { get; }

    public Dictionary<string, int> PhaseIndex { get; }

    public List<int>[] PhaseTasks { get; }

    public FlowEdge[] Edges { get; }

    public int[] From { get; }

    public int[] To { get; }

    public bool[] IsBack { get; }

    /// <summary>Outgoing edges including back edges.</summary>
    public List<int>[] AllOut { get; }

    /// <summary>Incoming edges without back edges.</summary>
    public List<int>[] In { get; }

    /// <summary>Outgoing edges without back edges.</summary>
    public List<int>[] Out { get; }

    public int[] BackEdges { get; }

    /// <summary>Tasks in an order where every non-back edge points forward; ties keep the template's order.</summary>
    public int[] Topo { get; }

    /// <summary>Sequential mode: a task is enabled only once every task before it is finished.</summary>
    public bool IsLinear { get; }

    public int IndexOf(string id) => TaskIndex.TryGetValue(id, out var i) ? i : -1;

    public ExecutionPhase? Phase(string? id) => id is not null && PhaseIndex.TryGetValue(id, out var k) ? Phases[k] : null;

    /// <summary>The task and everything reachable from it without back edges.</summary>
    public HashSet<int> Descendants(int start) => Walk(start, Out, e => To[e]);

    /// <summary>The task and everything that reaches it without back edges.</summary>
    public HashSet<int> Ancestors(int start) => Walk(start, In, e => From[e]);

    private static HashSet<int> Walk(int start, List<int>[] adjacency, Func<int, int> next)
    {
        var seen = new HashSet<int> { start };
        var stack = new Stack<int>();
        stack.Push(start);
        while (stack.TryPop(out var v))
        {
            foreach (var e in adjacency[v])
            {
                var w = next(e);
                if (seen.Add(w))
                {
                    stack.Push(w);
                }
            }
        }

        return seen;
    }

    private static List<int>[] NewLists(int n)
    {
        var lists = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    private void MarkBackEdges(bool[] hasIncoming)
    {
        var n = Tasks.Length;
        var color = new byte[n];
        var stack = new Stack<(int Node, int Next)>();

        void Visit(int start)
        {
            color[start] = 1;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (v, next) = stack.Pop();
                if (next < AllOut[v].Count)
                {
                    stack.Push((v, next + 1));
                    var e = AllOut[v][next];
                    var w = To[e];
                    if (color[w] == 1)
                    {
                        IsBack[e] = true;
                    }
                    else if (color[w] == 0)
                    {
                        color[w] = 1;
                        stack.Push((w, 0));
                    }
                }
                else
                {
                    color[v] = 2;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (!hasIncoming[i] && color[i] == 0)
            {
                Visit(i);
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (color[i] == 0)
            {
                Visit(i);
            }
        }
    }

    private int[] TopologicalOrder()
    {
        var n = Tasks.Length;
        var pending = new int[n];
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < n; i++)
        {
            pending[i] = In[i].Count;
            if (pending[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<int>(n);
        while (ready.TryDequeue(out var v, out _))
        {
            order.Add(v);
            foreach (var e in Out[v])
            {
                if (--pending[To[e]] == 0)
                {
                    ready.Enqueue(To[e], To[e]);
                }
            }
        }

        return [.. order];
    }
}
