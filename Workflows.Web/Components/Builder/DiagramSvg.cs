using System.Globalization;
using System.Xml.Linq;
using Workflows.Core.Flows.Templates;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// The canvas as a standalone SVG file, for "Export diagram": phases as framed bands, tasks as the canvas's cards
/// (kind by colour, name, kind in words), edges as arrows from a task's right side to the next one's left with the
/// decision branch they stand for, where the canvas puts them (<see cref="CanvasPositions"/>).
/// </summary>
public static class DiagramSvg
{
    private const double Pad = 24;
    private const double TitleHeight = 36;
    private const int NameLength = 30;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(FlowTemplate template)
    {
        var positions = CanvasPositions.Of(template);
        var boxes = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var task in template.Tasks.Where(t => !string.IsNullOrEmpty(t.Id)))
        {
            boxes.TryAdd(task.Id, positions.Task(task));
        }

        var phases = (template.Phases ?? []).Zip(positions.PhaseFrames, (p, frame) => (Phase: p, Frame: Frame(p, frame, template, boxes))).ToList();
        var rectangles = boxes.Values.Select(b => (b.X, b.Y, W: TaskNode.Width, H: TaskNode.Height))
            .Concat(phases.Select(p => p.Frame)).ToList();
        var left = rectangles.Count == 0 ? 0 : rectangles.Min(r => r.X);
        var top = rectangles.Count == 0 ? 0 : rectangles.Min(r => r.Y);
        var width = (rectangles.Count == 0 ? TaskNode.Width : rectangles.Max(r => r.X + r.W) - left) + 2 * Pad;
        var height = (rectangles.Count == 0 ? TaskNode.Height : rectangles.Max(r => r.Y + r.H) - top) + 2 * Pad + TitleHeight;
        double X(double x) => x - left + Pad;
        double Y(double y) => y - top + Pad + TitleHeight;

        var svg = new XElement(Svg + "svg",
            new XAttribute("width", N(width)), new XAttribute("height", N(height)), new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("font-family", "Inter, 'Segoe UI', Roboto, Arial, sans-serif"), new XAttribute("role", "img"),
            new XElement(Svg + "title", template.Name),
            new XElement(Svg + "defs", new XElement(Svg + "marker", new XAttribute("id", "arrow"), new XAttribute("viewBox", "0 0 10 10"),
                new XAttribute("refX", "10"), new XAttribute("refY", "5"), new XAttribute("markerWidth", "8"), new XAttribute("markerHeight", "8"),
                new XAttribute("orient", "auto-start-reverse"), new XElement(Svg + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z"), new XAttribute("fill", "#546e7a")))),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#ffffff")),
            Text(Pad, Pad + 18, template.Name, 18, "#1f1f1f", bold: true));

        foreach (var (phase, (x, y, w, h)) in phases)
        {
            svg.Add(new XElement(Svg + "g", new XAttribute("data-phase", phase.Id),
                new XElement(Svg + "rect", new XAttribute("x", N(X(x))), new XAttribute("y", N(Y(y))), new XAttribute("width", N(w)), new XAttribute("height", N(h)),
                    new XAttribute("rx", "10"), new XAttribute("fill", "#f1f6fd"), new XAttribute("stroke", "#1565c0"), new XAttribute("stroke-dasharray", "6 4")),
                Text(X(x) + 12, Y(y) + 21, Shorten(phase.Name, 40), 13, "#0d3c78", bold: true)));
        }

        var tasks = template.Tasks.Where(t => !string.IsNullOrEmpty(t.Id)).DistinctBy(t => t.Id).ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var edge in template.Edges)
        {
            if (edge.ToId is not { } toId || !boxes.TryGetValue(edge.FromId, out var from) || !boxes.TryGetValue(toId, out var to))
            {
                continue;
            }

            var (x1, y1) = (X(from.X + TaskNode.Width), Y(from.Y + TaskNode.Height / 2));
            var (x2, y2) = (X(to.X), Y(to.Y + TaskNode.Height / 2));
            var bend = Math.Max(40, Math.Abs(x2 - x1) / 2);
            var line = new XElement(Svg + "g", new XAttribute("data-edge", edge.Id ?? ""),
                new XElement(Svg + "path", new XAttribute("d", $"M {N(x1)} {N(y1)} C {N(x1 + bend)} {N(y1)}, {N(x2 - bend)} {N(y2)}, {N(x2)} {N(y2)}"),
                    new XAttribute("fill", "none"), new XAttribute("stroke", "#546e7a"), new XAttribute("stroke-width", "1.5"), new XAttribute("marker-end", "url(#arrow)")));
            if (tasks.TryGetValue(edge.FromId, out var source) && BuilderText.Branch(source, edge) is { } branch)
            {
                var (mx, my) = ((x1 + x2) / 2, (y1 + y2) / 2);
                var labelWidth = 12 + 6.5 * Math.Min(branch.Length, 24);
                line.Add(new XElement(Svg + "rect", new XAttribute("x", N(mx - labelWidth / 2)), new XAttribute("y", N(my - 10)), new XAttribute("width", N(labelWidth)),
                    new XAttribute("height", "20"), new XAttribute("rx", "10"), new XAttribute("fill", "#ffffff"), new XAttribute("stroke", "#90a4ae")));
                line.Add(Text(mx, my + 4, Shorten(branch, 24), 11, "#37474f", anchor: "middle"));
            }

            svg.Add(line);
        }

        foreach (var task in tasks.Values)
        {
            var (x, y) = (X(boxes[task.Id].X), Y(boxes[task.Id].Y));
            svg.Add(new XElement(Svg + "g", new XAttribute("data-task", task.Id),
                new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(TaskNode.Width)), new XAttribute("height", N(TaskNode.Height)),
                    new XAttribute("rx", task.TaskType == TaskType.DECISION ? "22" : "8"), new XAttribute("fill", "#ffffff"), new XAttribute("stroke", "#c7ccd1")),
                new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", "5"), new XAttribute("height", N(TaskNode.Height)),
                    new XAttribute("fill", KindColour(task.TaskType))),
                Text(x + 16, y + 30, Shorten(BuilderText.Name(task.Name), NameLength), 13, "#1f1f1f", bold: true),
                Text(x + 16, y + 50, BuilderText.Kind(task.TaskType), 11, "#5f6368")));
        }

        return new XDocument(svg).ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A phase's frame: around its tasks, as the canvas fits it; an empty phase keeps the frame it was given.</summary>
    private static (double X, double Y, double W, double H) Frame(
        FlowPhase phase, (double X, double Y, double W, double H) given, FlowTemplate template, Dictionary<string, (double X, double Y)> boxes)
    {
        var members = template.Tasks.Where(t => t.PhaseId == phase.Id && boxes.ContainsKey(t.Id)).Select(t => boxes[t.Id]).ToList();
        if (members.Count == 0)
        {
            return given;
        }

        var left = members.Min(m => m.X) - PhaseGroup.Inset;
        var top = members.Min(m => m.Y) - PhaseGroup.Inset - PhaseGroup.HeaderHeight;
        return (left, top, members.Max(m => m.X) + TaskNode.Width + PhaseGroup.Inset - left, members.Max(m => m.Y) + TaskNode.Height + PhaseGroup.Inset - top);
    }

    private static XElement Text(double x, double y, string text, int size, string colour, bool bold = false, string anchor = "start") =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("font-size", size), new XAttribute("fill", colour),
            new XAttribute("font-weight", bold ? "600" : "400"), new XAttribute("text-anchor", anchor), text);

    private static string KindColour(TaskType type) => type switch
    {
        TaskType.AUTOMATION => "#ef8f00",
        TaskType.DECISION => "#00897b",
        _ => "#1565c0",
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
