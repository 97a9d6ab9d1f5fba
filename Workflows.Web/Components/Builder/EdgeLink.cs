using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using Workflows.Core.Flows.Templates;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// A connection on the canvas. <see cref="Edge"/> is null while the user is still drawing it; it becomes a
/// template edge once its target is attached.
/// </summary>
public sealed class EdgeLink : LinkModel
{
    public EdgeLink(FlowEdge edge, TaskPort from, TaskPort to) : base(edge.Id, from, to)
    {
        Edge = edge;
        TargetMarker = LinkMarker.Arrow;
    }

    public EdgeLink(TaskPort source, Anchor target) : base(new SinglePortAnchor(source), target)
    {
        TargetMarker = LinkMarker.Arrow;
    }

    public FlowEdge? Edge { get; set; }

    /// <summary>The task the edge leaves from and the one it leads to, whichever port the user started dragging from.</summary>
    public (TaskNode From, TaskNode To)? Ends
    {
        get
        {
            if (Source is not SinglePortAnchor { Port: TaskPort a } || Target is not SinglePortAnchor { Port: TaskPort b })
            {
                return null;
            }

            return a.IsOutgoing ? ((TaskNode)a.Parent, (TaskNode)b.Parent) : ((TaskNode)b.Parent, (TaskNode)a.Parent);
        }
    }

    /// <summary>Shows the decision branch the edge belongs to (or "None met") as its label.</summary>
    public void ShowBranch(FlowTask from)
    {
        Labels.Clear();
        if (Edge is { } edge && BuilderText.Branch(from, edge) is { } text)
        {
            Labels.Add(new LinkLabelModel(this, text));
        }
    }
}
