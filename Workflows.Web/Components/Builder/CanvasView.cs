using Blazor.Diagrams.Core.Geometry;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// Where the canvas looks and where new items go, as plain geometry (diagram coordinates; the screen shows
/// <c>point * zoom + pan</c> inside the canvas), so the rules are tested without a browser.
/// </summary>
public static class CanvasView
{
    /// <summary>Fit never zooms in beyond this: a small workflow stays at a readable size instead of filling the screen.</summary>
    public const double MaxFitZoom = 1.25;

    /// <summary>
    /// Fit never zooms out beyond this: below it task names cannot be read. A longer workflow shows its start
    /// and is panned or zoomed out further by hand.
    /// </summary>
    public const double MinFitZoom = 0.6;

    /// <summary>The room the task and phase details panel takes from the canvas when it opens (its CSS width plus the gap).</summary>
    public const double SidePanelWidth = 388;

    /// <summary>Free space kept between a new item and the ones already there.</summary>
    public const double Spacing = 30;

    /// <summary>
    /// The zoom and pan that show <paramref name="content"/> in a view of <paramref name="view"/> with
    /// <paramref name="margin"/> around it: centred when it fits at a readable zoom, otherwise from its top left.
    /// </summary>
    public static (double Zoom, Point Pan) Fit(Rectangle content, Size view, double margin)
    {
        var zoom = Math.Min((view.Width - 2 * margin) / Math.Max(content.Width, 1), (view.Height - 2 * margin) / Math.Max(content.Height, 1));
        zoom = Math.Clamp(zoom, MinFitZoom, MaxFitZoom);
        var panX = content.Width * zoom + 2 * margin <= view.Width
            ? (view.Width - content.Width * zoom) / 2 - content.Left * zoom
            : margin - content.Left * zoom;
        var panY = content.Height * zoom + 2 * margin <= view.Height
            ? (view.Height - content.Height * zoom) / 2 - content.Top * zoom
            : margin - content.Top * zoom;
        return (zoom, new Point(panX, panY));
    }

    /// <summary>
    /// The pan that brings <paramref name="item"/> fully into a view of <paramref name="view"/> (with
    /// <paramref name="margin"/>), moving as little as possible; null when it is already in view.
    /// </summary>
    public static Point? PanToShow(Rectangle item, double zoom, Point pan, Size view, double margin)
    {
        static double Shift(double start, double end, double limit, double margin) =>
            end - start + 2 * margin > limit ? margin - start
            : start < margin ? margin - start
            : end > limit - margin ? limit - margin - end
            : 0;

        var dx = Shift(item.Left * zoom + pan.X, item.Right * zoom + pan.X, view.Width, margin);
        var dy = Shift(item.Top * zoom + pan.Y, item.Bottom * zoom + pan.Y, view.Height, margin);
        return dx == 0 && dy == 0 ? null : new Point(pan.X + dx, pan.Y + dy);
    }

    /// <summary>
    /// The top left corner for a new item of <paramref name="size"/>: as near the middle of <paramref name="visible"/>
    /// as possible without touching any of <paramref name="occupied"/>, preferring places fully in view. Falls back to
    /// the middle when the view is full.
    /// </summary>
    public static Point FreeSpot(Rectangle visible, Size size, IEnumerable<Rectangle> occupied)
    {
        var taken = occupied.ToList();
        var center = visible.Center;
        var start = new Point(center.X - size.Width / 2, center.Y - size.Height / 2);
        var stepX = size.Width + Spacing;
        var stepY = size.Height + Spacing;
        var candidates = new List<(Point TopLeft, double Distance)>();
        const int rings = 6;
        for (var dx = -rings; dx <= rings; dx++)
        {
            for (var dy = -rings; dy <= rings; dy++)
            {
                // Going sideways costs more than going down, and left or up more than right or down: new items line up
                // below and to the right of the middle, in reading order.
                var sideways = dx * stepX * (dx < 0 ? 1.5 : 1.2);
                var down = dy * stepY * (dy < 0 ? 1.1 : 1);
                candidates.Add((new Point(start.X + dx * stepX, start.Y + dy * stepY), sideways * sideways + down * down));
            }
        }

        bool Free(Point topLeft)
        {
            var spot = new Rectangle(topLeft.X - Spacing / 2, topLeft.Y - Spacing / 2, topLeft.X + size.Width + Spacing / 2, topLeft.Y + size.Height + Spacing / 2);
            return !taken.Any(r => r.Intersects(spot));
        }

        bool InView(Point topLeft) =>
            topLeft.X >= visible.Left && topLeft.Y >= visible.Top
            && topLeft.X + size.Width <= visible.Right && topLeft.Y + size.Height <= visible.Bottom;

        var ordered = candidates.OrderBy(c => c.Distance).Select(c => c.TopLeft).ToList();
        return ordered.FirstOrDefault(p => InView(p) && Free(p))
            ?? ordered.FirstOrDefault(Free)
            ?? start;
    }
}
