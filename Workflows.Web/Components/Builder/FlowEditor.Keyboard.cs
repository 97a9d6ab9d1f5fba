using Blazor.Diagrams.Core.Geometry;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Builder;

/// <summary>What the canvas offers without a pointer: moving between tasks with the arrow keys, and connecting two tasks by name.</summary>
public sealed partial class FlowEditor
{
    /// <summary>
    /// Selects the task nearest the selected one in <paramref name="direction"/> (the top-left task when none is selected)
    /// and asks its node for the keyboard focus; answers the task, or null when there is none that way.
    /// </summary>
    public TaskNode? SelectNext(CanvasDirection direction)
    {
        var from = SelectedTask;
        var next = from is null
            ? Tasks.OrderBy(n => n.Position.Y).ThenBy(n => n.Position.X).FirstOrDefault()
            : Nearest(from.Center, direction, Tasks.Where(n => n != from));
        if (next is null)
        {
            return null;
        }

        Diagram.UnselectAll();
        Diagram.SelectModel(next, unselectOthers: true);
        next.WantsFocus = true;
        UpdateSelection();
        ShowSelection();
        Changed?.Invoke();
        return next;
    }

    /// <summary>
    /// The task whose centre lies in <paramref name="direction"/> from <paramref name="center"/>, within 45° of it,
    /// nearest first, sideways distance counting double so a task straight ahead wins over a closer one off to the side.
    /// </summary>
    private static TaskNode? Nearest(Point center, CanvasDirection direction, IEnumerable<TaskNode> candidates) =>
        candidates
            .Select(n => (Node: n, Ahead: Ahead(n.Center, center, direction), Aside: Aside(n.Center, center, direction)))
            .Where(c => c.Ahead > 0 && Math.Abs(c.Aside) <= c.Ahead)
            .OrderBy(c => c.Ahead + 2 * Math.Abs(c.Aside))
            .Select(c => c.Node)
            .FirstOrDefault();

    private static double Ahead(Point to, Point from, CanvasDirection direction) => direction switch
    {
        CanvasDirection.Right => to.X - from.X,
        CanvasDirection.Left => from.X - to.X,
        CanvasDirection.Down => to.Y - from.Y,
        _ => from.Y - to.Y,
    };

    private static double Aside(Point to, Point from, CanvasDirection direction) =>
        direction is CanvasDirection.Left or CanvasDirection.Right ? to.Y - from.Y : to.X - from.X;

    /// <summary>The tasks <paramref name="from"/> may still be connected to: every other task it does not lead to yet.</summary>
    public IReadOnlyList<TaskNode> ConnectableFrom(TaskNode from)
    {
        var targets = Outgoing(from).Select(l => l.Ends!.Value.To).ToHashSet();
        return [.. Tasks.Where(n => n != from && !targets.Contains(n)).OrderBy(n => n.Task.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Draws the connection a user would drag from <paramref name="from"/>'s out port to <paramref name="to"/>, as one edit.</summary>
    public string Connect(TaskNode from, TaskNode to)
    {
        if (from == to || Outgoing(from).Any(l => l.Ends!.Value.To == to))
        {
            return Languages.Text<BuilderText>("AlreadyLeadsTo", from.Task.Name, to.Task.Name);
        }

        var link = new EdgeLink(NewEdge(from, to), from.Out, to.In);
        link.ShowBranch(from.Task);
        Diagram.Links.Add(link);
        Commit();
        return Languages.Text<BuilderText>("NowLeadsTo", from.Task.Name, to.Task.Name);
    }

    /// <summary>The edge a new connection from <paramref name="from"/> to <paramref name="to"/> becomes: a decision's next free branch.</summary>
    private FlowEdge NewEdge(TaskNode from, TaskNode to) =>
        TemplateEdits.NewEdge(from.Task, to.Task, Outgoing(from).Select(l => l.Edge!.ConditionId));

    /// <summary>Removes the connection <paramref name="edgeId"/>, as one edit (undo brings it back).</summary>
    public string Disconnect(string edgeId)
    {
        if (Diagram.Links.OfType<EdgeLink>().FirstOrDefault(l => l.Edge?.Id == edgeId) is not { Ends: { } ends } link)
        {
            return Languages.Text<BuilderText>("ConnectionGone");
        }

        Diagram.Links.Remove(link);
        Commit();
        return Languages.Text<BuilderText>("NoLongerLeadsTo", ends.From.Task.Name, ends.To.Task.Name);
    }
}

/// <summary>An arrow key on the canvas.</summary>
public enum CanvasDirection
{
    Left,
    Right,
    Up,
    Down,
}
