using Workflows.Core.Flows.Templates;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// Where the canvas puts a template's items: the positions it keeps in the template (<see cref="CanvasPlacement"/>),
/// or, when any task has none, <see cref="FlowLayout"/>'s for every task. A phase's frame is where it was left, else
/// where the layout puts an empty phase, else the next one down the left edge; the canvas then fits a phase with tasks
/// around them. The canvas and the exported diagram both draw from this.
/// </summary>
public sealed class CanvasPositions
{
    private readonly FlowLayoutResult? layout;

    private CanvasPositions(FlowTemplate template)
    {
        layout = template.Tasks.Any(t => CanvasPlacement.GetPosition(t.ExtensionData) is null) ? FlowLayout.Arrange(template) : null;
        var frames = new List<(double X, double Y, double Width, double Height)>();
        var emptyPhaseTop = FlowLayout.Margin;
        foreach (var phase in template.Phases ?? [])
        {
            var position = CanvasPlacement.GetPosition(phase.ExtensionData)
                ?? (layout?.EmptyPhases.TryGetValue(phase.Id, out var laid) == true ? laid : (FlowLayout.Margin, emptyPhaseTop));
            var size = CanvasPlacement.GetSize(phase.ExtensionData) ?? (PhaseGroup.EmptyWidth, PhaseGroup.EmptyHeight);
            frames.Add((position.Item1, position.Item2, size.Item1, size.Item2));
            emptyPhaseTop += PhaseGroup.EmptyHeight + FlowLayout.BandGap;
        }

        PhaseFrames = frames;
    }

    /// <summary>The frame of each phase, in the template's order, before the canvas fits it around its tasks.</summary>
    public IReadOnlyList<(double X, double Y, double Width, double Height)> PhaseFrames { get; }

    public static CanvasPositions Of(FlowTemplate template) => new(template);

    /// <summary>The top-left corner of a task.</summary>
    public (double X, double Y) Task(FlowTask task) =>
        layout?.Tasks.GetValueOrDefault(task.Id) ?? CanvasPlacement.GetPosition(task.ExtensionData) ?? (FlowLayout.Margin, FlowLayout.Margin);
}
