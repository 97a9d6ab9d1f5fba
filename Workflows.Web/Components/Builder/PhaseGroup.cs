using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Workflows.Core.Flows.Templates;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// A phase on the canvas: a group around its tasks. It keeps its frame while a task is dragged (so the task can
/// leave it) and fits itself to its tasks only when asked, after a drop.
/// </summary>
public sealed class PhaseGroup : GroupModel
{
    public const byte Inset = 20;
    public const double HeaderHeight = 32;
    public const double EmptyWidth = TaskNode.Width + 2 * Inset;
    public const double EmptyHeight = TaskNode.Height + 2 * Inset + HeaderHeight;

    private bool fitting;

    public PhaseGroup(FlowPhase phase, Point position, Size size) : base([], Inset, autoSize: false)
    {
        Phase = phase;
        Position = position;
        Size = size;
    }

    public FlowPhase Phase { get; }

    public Rectangle Bounds => new(Position, Size ?? new Size(EmptyWidth, EmptyHeight));

    /// <summary>Wraps the frame around the tasks (an empty phase keeps its frame).</summary>
    public void Fit()
    {
        fitting = true;
        try
        {
            if (UpdateDimensions())
            {
                Refresh();
            }
        }
        finally
        {
            fitting = false;
        }
    }

    protected override bool UpdateDimensions()
    {
        if (!fitting || Children.Count == 0)
        {
            return false;
        }

        var left = Children.Min(c => c.Position.X);
        var top = Children.Min(c => c.Position.Y);
        var right = Children.Max(c => c.Position.X + (c.Size?.Width ?? TaskNode.Width));
        var bottom = Children.Max(c => c.Position.Y + (c.Size?.Height ?? TaskNode.Height));
        Position = new Point(left - Inset, top - Inset - HeaderHeight);
        Size = new Size(right - left + 2 * Inset, bottom - top + 2 * Inset + HeaderHeight);
        return true;
    }
}
