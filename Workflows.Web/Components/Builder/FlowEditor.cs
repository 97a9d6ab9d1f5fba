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
public sealed class FlowEditor
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
        var task = new FlowTask
        {
            Id = BuilderIds.New("task"),
            TaskType = type,
            Name = type switch
            {
                TaskType.AUTOMATION => "New automation",
                TaskType.DECISION => "New decision",
                _ => "New task",
            },
            Conditions = type == TaskType.DECISION
                ? [new Condition { Id = BuilderIds.New("branch"), BranchName = "Yes", LogicalOperator = LogicalOperator.AND, Statements = [] }]
                : null,
        };
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
        var phase = new FlowPhase { Id = BuilderIds.New("phase"), Name = "New phase" };
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
                        DropRequirements(r => r.PhaseId == group.Phase.Id);
                        break;
                    case TaskNode node:
                        Diagram.Nodes.Remove(node);
                        DropRequirements(r => r.TaskId == node.Task.Id);
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

    private BlazorDiagram CreateDiagram()
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = true,
            GridSize = 10,
            Zoom = { Enabled = true, Minimum = 0.2, Maximum = 2.5 },
            Links =
            {
                RequireTarget = true,
                EnableSnapping = true,
                SnappingRadius = 40,
                Factory = (_, source, target) => source is TaskPort port ? new EdgeLink(port, target) : null!,
            },
            Groups = { Enabled = false },
        };
        var diagram = new BlazorDiagram(options);
        diagram.RegisterComponent<TaskNode, TaskNodeWidget>();
        diagram.RegisterComponent<PhaseGroup, PhaseGroupWidget>();

        var keyboard = diagram.GetBehavior<KeyboardShortcutsBehavior>();
        keyboard?.RemoveShortcut("g", ctrl: true, shift: false, alt: true);
        keyboard?.SetShortcut("Delete", ctrl: false, shift: false, alt: false, _ => Run(DeleteSelection));
        keyboard?.SetShortcut("Backspace", ctrl: false, shift: false, alt: false, _ => Run(DeleteSelection));
        keyboard?.SetShortcut("z", ctrl: true, shift: false, alt: false, _ => Run(Undo));
        keyboard?.SetShortcut("y", ctrl: true, shift: false, alt: false, _ => Run(Redo));
        keyboard?.SetShortcut("Z", ctrl: true, shift: true, alt: false, _ => Run(Redo));

        // Ports measure themselves once the canvas knows where it is; nodes of a fixed size never ask again on their own.
        diagram.ContainerChanged += () =>
        {
            foreach (var node in diagram.Nodes.Where(n => n.Ports.Any(p => !p.Initialized)).ToList())
            {
                node.ReinitializePorts();
            }

            ShowSelection();
        };
        diagram.Nodes.Added += node => node.Moved += OnNodeMoved;
        diagram.Groups.Added += group => group.Moved += OnNodeMoved;
        diagram.Links.Added += OnLinkAdded;
        diagram.PointerUp += (_, _) =>
        {
            if (movedDuringPointer)
            {
                movedDuringPointer = false;
                Commit();
            }
        };
        diagram.SelectionChanged += _ =>
        {
            if (!rebuilding)
            {
                UpdateSelection();
                Changed?.Invoke();
            }
        };
        return diagram;
    }

    private static ValueTask Run(Action action)
    {
        action();
        return ValueTask.CompletedTask;
    }

    /// <summary>A dropped task joins the phase under its centre, or leaves its phase when dropped outside every phase.</summary>
    private void OnNodeMoved(MovableModel model)
    {
        if (rebuilding)
        {
            return;
        }

        if (model is TaskNode node)
        {
            var target = PhaseAt(node.Center, prefer: node.Group as PhaseGroup);
            if (!ReferenceEquals(target, node.Group))
            {
                Leave(node);
                if (target is not null)
                {
                    Join(node, target);
                }

                Diagram.Refresh();
            }
            else
            {
                target?.Fit();
            }
        }

        movedDuringPointer = true;
    }

    private void OnLinkAdded(Blazor.Diagrams.Core.Models.Base.BaseLinkModel model)
    {
        if (rebuilding || model is not EdgeLink { Edge: null } link)
        {
            return;
        }

        link.TargetAttached += _ =>
        {
            if (link.Ends is not { } ends)
            {
                return;
            }

            var from = ends.From.Task;
            var edge = new FlowEdge { Id = BuilderIds.New("edge"), FromId = from.Id, ToId = ends.To.Task.Id };
            if (from.TaskType == TaskType.DECISION)
            {
                // A new edge from a decision takes the first branch that has no edge yet, so it is rarely left without one.
                var taken = Outgoing(ends.From).Select(l => l.Edge!.ConditionId).ToHashSet();
                edge = edge with { ConditionId = from.Conditions?.FirstOrDefault(c => !taken.Contains(c.Id))?.Id };
            }

            link.Edge = edge;
            link.ShowBranch(from);
            link.Refresh();
            Commit();
        };
    }

    private PhaseGroup? PhaseAt(Point point, PhaseGroup? prefer = null)
    {
        if (prefer is not null && prefer.Bounds.ContainsPoint(point))
        {
            return prefer;
        }

        return Phases.LastOrDefault(g => g.Bounds.ContainsPoint(point));
    }

    private static void Join(TaskNode node, PhaseGroup group)
    {
        group.AddChild(node);
        node.Task.PhaseId = group.Phase.Id;
        group.Fit();
    }

    private static void Leave(TaskNode node)
    {
        if (node.Group is PhaseGroup old)
        {
            old.RemoveChild(node);
            old.Fit();
        }

        node.Task.PhaseId = null;
    }

    private void DropRequirements(Func<EnableRequirement, bool> refersToDeleted)
    {
        foreach (var node in Tasks)
        {
            if (node.Task.Requirements is { } requirements && requirements.RemoveAll(r => refersToDeleted(r)) > 0 && requirements.Count == 0)
            {
                node.Task.Requirements = null;
            }
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
