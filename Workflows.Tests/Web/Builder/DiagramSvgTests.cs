using System.Text.Json;
using System.Xml.Linq;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Templates;
using Workflows.Web.Components.Builder;

namespace Workflows.Tests.Web.Builder;

/// <summary>"Export diagram": the template as the canvas draws it, as a standalone SVG file.</summary>
public sealed class DiagramSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Every_phase_task_and_drawable_edge_is_in_the_svg_with_its_name_and_the_decision_branches()
    {
        var template = JsonSerializer.Deserialize<FlowTemplate>(FlowDiagramMapperTests.RichTemplate, FlowJson.Options)!;

        var svg = XDocument.Parse(DiagramSvg.Render(template)).Root!;

        Assert.Equal("Solar installation", svg.Element(Svg + "title")?.Value);
        Assert.Equal(["p1", "p2"], Attributes(svg, "data-phase"));
        Assert.Equal(["check", "mail", "size", "install", "ghost"], Attributes(svg, "data-task"));
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], Attributes(svg, "data-edge")); // e6 leads nowhere, as on the canvas
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Preparation", texts);
        Assert.Contains("Check documents", texts);
        Assert.Contains("Decision", texts);
        Assert.Contains("Big", texts);
        Assert.Contains("Again", texts);
        Assert.Contains("None met", texts);
    }

    [Fact]
    public void Every_item_lies_inside_the_drawing_and_a_phase_frames_its_tasks()
    {
        var template = JsonSerializer.Deserialize<FlowTemplate>(FlowDiagramMapperTests.RichTemplate, FlowJson.Options)!;

        var svg = XDocument.Parse(DiagramSvg.Render(template)).Root!;

        var (width, height) = (Number(svg, "width"), Number(svg, "height"));
        var rects = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-task") is not null || g.Attribute("data-phase") is not null)
            .ToDictionary(g => (string)(g.Attribute("data-task") ?? g.Attribute("data-phase"))!, g => g.Element(Svg + "rect")!);
        foreach (var rect in rects.Values)
        {
            Assert.InRange(Number(rect, "x"), 0, width - Number(rect, "width"));
            Assert.InRange(Number(rect, "y"), 0, height - Number(rect, "height"));
        }

        var phase = rects["p1"];
        foreach (var task in new[] { rects["check"], rects["mail"] })
        {
            Assert.InRange(Number(task, "x"), Number(phase, "x"), Number(phase, "x") + Number(phase, "width") - Number(task, "width"));
            Assert.InRange(Number(task, "y"), Number(phase, "y"), Number(phase, "y") + Number(phase, "height") - Number(task, "height"));
        }
    }

    [Fact]
    public void Names_are_escaped_and_long_ones_shortened_so_the_file_stays_valid_and_the_cards_readable()
    {
        var template = new FlowTemplate
        {
            Name = "Check <script> & \"quotes\"",
            Tasks = [new FlowTask { Id = "t1", Name = "A task whose name is far too long to fit on one card of the canvas", TaskType = TaskType.MANUAL }],
        };

        var text = DiagramSvg.Render(template);
        var svg = XDocument.Parse(text).Root!;

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal("Check <script> & \"quotes\"", svg.Element(Svg + "title")?.Value);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.EndsWith('…') && t.Value.Length <= 30);
    }

    private static string[] Attributes(XElement svg, string name) =>
        [.. svg.Descendants().Select(e => (string?)e.Attribute(name)).OfType<string>()];

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);
}
