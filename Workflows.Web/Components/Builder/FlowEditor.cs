using System.Text.Json;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Options;
using Blazor.Diagrams;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// The state of one builder canvas: the diagram, the workflow settings above it, undo and redo, and the edits the
/// page, the palette and the keyboard ask for. Every finished edit is recorded as a snapshot of the whole template
/// and announced through <see cref="Changed"/>, so the page validates and redraws in one place.
/// </summary>
public sealed partial class FlowEditor
{
    private FlowTemplate settings;
    private IReadOnlyList<FlowEdge> hiddenEdges = [];
    private EditHistory history;
    private string savedState;
    private bool rebuilding;
    private bool movedDuringPointer;

    public FlowEditor(FlowTemplate template)
    {
        Diagram = CreateDiagram();
        settings = FlowDiagramMapper.Clone(template);
        Rebuild(settings);
        Template = FlowDiagramMapper.Read(Diagram, settings, hiddenEdges);
        savedState = Serialize(Template);
        history = new EditHistory(savedState);
    }

    /// <summary>After every recorded edit, undo, redo and selection change.</summary>
    public event Action? Changed;

    public BlazorDiagram Diagram { get; }

    /// <summary>The template as of the last recorded edit.</summary>
    public FlowTemplate Template { get; private set; }

    public bool IsDirty => history.Current != savedState;

    public bool CanUndo => history.CanUndo;

    public bool CanRedo => history.CanRedo;

    public TaskNode? SelectedTask { get; private set; }

    public PhaseGroup? SelectedPhase { get; private set; }

    public IEnumerable<TaskNode> Tasks => Diagram.Nodes.OfType<TaskNode>();

    public IEnumerable<PhaseGroup> Phases => Diagram.Groups.OfType<PhaseGroup>();

    /// <summary>Where tasks and phases sit on the canvas, for placing new items and fitting the view.</summary>
    public IEnumerable<Rectangle> Occupied =>
        Tasks.Select(n => new Rectangle(n.Position, new Size(TaskNode.Width, TaskNode.Height))).Concat(Phases.Select(p => p.Bounds));

    /// <summary>Takes a saved template (with its new revision) as the baseline for "unsaved changes".</summary>
    public void MarkSaved(FlowTemplate saved)
    {
        settings.Id = saved.Id;
        settings.Revision = saved.Revision;
        settings.CreatedAt = saved.CreatedAt;
        settings.UpdatedAt = saved.UpdatedAt;
        Template = FlowDiagramMapper.Read(Diagram, settings, hiddenEdges);
        savedState = Serialize(Template);
        history = new EditHistory(savedState);
        Changed?.Invoke();
    }

    /// <summary>Records the current canvas as one undoable edit, if anything changed.</summary>
    public void Commit()
    {
        Template = FlowDiagramMapper.Read(Diagram, settings, hiddenEdges);
        history.Record(Serialize(Template));
        Changed?.Invoke();
    }

    public TaskNode AddTask(TaskType type, Point center)
    {
        var task = TemplateEdits.NewTask(type);
        var node = new TaskNode(task, new Point(center.X - TaskNode.Width / 2, center.Y - TaskNode.Height / 2));
        Diagram.Nodes.Add(node);
        if (PhaseAt(node.Center) is { } phase)
        {
            Join(node, phase);
        }

        Diagram.SelectModel(node, unselectOthers: true);
        Commit();
        return node;
    }

    public PhaseGroup AddPhase(Point topLeft)
    {
        var phase = TemplateEdits.NewPhase();
        var group = new PhaseGroup(phase, topLeft, new Size(PhaseGroup.EmptyWidth, PhaseGroup.EmptyHeight));
        Diagram.Groups.Add(group);
        Diagram.SelectModel(group, unselectOthers: true);
        Commit();
        return group;
    }

    /// <summary>Deletes what is selected. A deleted phase keeps its tasks; requirements on deleted items go with them.</summary>
    public void DeleteSelection()
    {
        var selected = Diagram.GetSelectedModels().ToList();
        if (selected.Count == 0)
        {
            return;
        }

        Diagram.Batch(() =>
        {
            foreach (var model in selected)
            {
                switch (model)
                {
                    case PhaseGroup group:
                        foreach (var child in group.Children.OfType<TaskNode>())
                        {
                            child.Task.PhaseId = null;
                        }

                        Diagram.Groups.Remove(group);
                        TemplateEdits.DropRequirementsOn(Tasks.Select(n => n.Task), deletedTaskId: null, deletedPhaseId: group.Phase.Id);
                        break;
                    case TaskNode node:
                        Diagram.Nodes.Remove(node);
                        TemplateEdits.DropRequirementsOn(Tasks.Select(n => n.Task), deletedTaskId: node.Task.Id, deletedPhaseId: null);
                        break;
                    case EdgeLink link:
                        Diagram.Links.Remove(link);
                        break;
                }
            }
        });
        UpdateSelection();
        Commit();
    }

    /// <summary>Moves a task into a phase (or out of any, with null), placing it beside the phase's other tasks.</summary>
    public void MoveToPhase(TaskNode node, string? phaseId)
    {
        var target = Phases.FirstOrDefault(p => p.Phase.Id == phaseId);
        if (ReferenceEquals(node.Group, target))
        {
            return;
        }

        Leave(node);
        if (target is not null)
        {
            var bounds = target.Bounds;
            var right = target.Children.Count == 0 ? bounds.Left + PhaseGroup.Inset : target.Children.Max(c => c.Position.X + TaskNode.Width) + FlowLayout.ColumnGap;
            node.SetPosition(right, bounds.Top + PhaseGroup.HeaderHeight + PhaseGroup.Inset);
            Join(node, target);
        }

        Diagram.Refresh();
        Commit();
    }

    /// <summary>After the details panel changed a task: redraw it and its branch labels, and record the edit.</summary>
    public void TaskEdited(TaskNode node)
    {
        node.Refresh();
        foreach (var link in Diagram.Links.OfType<EdgeLink>().Where(l => l.Ends?.From == node))
        {
            link.ShowBranch(node.Task);
            link.Refresh();
        }

        Commit();
    }

    public void PhaseEdited(PhaseGroup group)
    {
        group.Refresh();
        Commit();
    }

    /// <summary>The edges leaving a task, for the decision editor's branch mapping.</summary>
    public IReadOnlyList<EdgeLink> Outgoing(TaskNode node) =>
        [.. Diagram.Links.OfType<EdgeLink>().Where(l => l.Edge is not null && l.Ends?.From == node)];

    public void UpdateEdge(FlowEdge edge)
    {
        if (Diagram.Links.OfType<EdgeLink>().FirstOrDefault(l => l.Edge?.Id == edge.Id) is not { Ends: { } ends } link)
        {
            return;
        }

        link.Edge = edge;
        link.ShowBranch(ends.From.Task);
        link.Refresh();
        Commit();
    }

    /// <summary>Replaces the workflow settings (name, triggers, closing reasons, entity updates, …).</summary>
    public void UpdateSettings(FlowTemplate newSettings)
    {
        settings = FlowDiagramMapper.Clone(newSettings);
        Commit();
    }

    /// <summary>The current settings as a copy the settings dialog may edit.</summary>
    public FlowTemplate SettingsCopy() => FlowDiagramMapper.Clone(Template);

    public void AutoLayout()
    {
        var template = FlowDiagramMapper.Read(Diagram, settings, hiddenEdges);
        foreach (var task in template.Tasks)
        {
            task.ExtensionData?.Remove(CanvasPlacement.PositionKey);
        }

        foreach (var phase in template.Phases ?? [])
        {
            phase.ExtensionData?.Remove(CanvasPlacement.PositionKey);
            phase.ExtensionData?.Remove(CanvasPlacement.SizeKey);
        }

        Rebuild(template);
        Commit();
    }

    public void Undo() => Restore(history.Undo());

    public void Redo() => Restore(history.Redo());

    /// <summary>Selects the item a validation problem names.</summary>
    public void Select(string? itemId)
    {
        SelectableModel? model = (SelectableModel?)Tasks.FirstOrDefault(n => n.Task.Id == itemId)
            ?? (SelectableModel?)Phases.FirstOrDefault(g => g.Phase.Id == itemId)
            ?? Diagram.Links.OfType<EdgeLink>().FirstOrDefault(l => l.Edge?.Id == itemId);
        Diagram.UnselectAll();
        if (model is not null)
        {
            Diagram.SelectModel(model, unselectOthers: true);
        }

        UpdateSelection();
        Changed?.Invoke();
    }

    /// <summary>Pans the canvas so the selected task or phase is in view, e.g. once the details panel narrowed the canvas.</summary>
    public void ShowSelection()
    {
        Rectangle? item = SelectedTask is { } node ? new Rectangle(node.Position, new Size(TaskNode.Width, TaskNode.Height)) : SelectedPhase?.Bounds;
        if (item is null || Diagram.Container is not { } container)
        {
            return;
        }

        if (CanvasView.PanToShow(item, Diagram.Zoom, Diagram.Pan, new Size(container.Width, container.Height), CanvasView.Spacing) is { } pan)
        {
            Diagram.SetPan(pan.X, pan.Y);
        }
    }

    private void Restore(string? state)
    {
        if (state is null)
        {
            return;
        }

        var selectedId = SelectedTask?.Task.Id ?? SelectedPhase?.Phase.Id;
        var template = JsonSerializer.Deserialize<FlowTemplate>(state, FlowJson.Options)!;
        settings = template;
        Rebuild(template);
        Template = FlowDiagramMapper.Read(Diagram, settings, hiddenEdges);
        if (selectedId is not null)
        {
            Select(selectedId);
        }
        else
        {
            UpdateSelection();
            Changed?.Invoke();
        }
    }

    private void Rebuild(FlowTemplate template)
    {
        rebuilding = true;
        try
        {
            Diagram.Batch(() =>
            {
                Diagram.Links.Clear();
                Diagram.Groups.Clear();
                Diagram.Nodes.Clear();
                hiddenEdges = FlowDiagramMapper.Load(Diagram, template);
            });
            UpdateSelection();
        }
        finally
        {
            rebuilding = false;
        }
    }

    private void UpdateSelection()
    {
        var selected = Diagram.GetSelectedModels().ToList();
        SelectedTask = selected.Count == 1 ? selected[0] as TaskNode : null;
        SelectedPhase = selected.Count == 1 ? selected[0] as PhaseGroup : null;
    }

    private static string Serialize(FlowTemplate template) => JsonSerializer.Serialize(template, FlowJson.Options);

}
