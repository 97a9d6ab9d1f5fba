using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;
using Blazor.Diagrams;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Builder;

/// <summary>The canvas itself: how the diagram is set up, and how its own events (drags, drawn links) become edits.</summary>
public sealed partial class FlowEditor
{
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
        foreach (var (key, direction) in new[]
        {
            ("ArrowLeft", CanvasDirection.Left), ("ArrowRight", CanvasDirection.Right),
            ("ArrowUp", CanvasDirection.Up), ("ArrowDown", CanvasDirection.Down),
        })
        {
            keyboard?.SetShortcut(key, ctrl: false, shift: false, alt: false, _ => Run(() => SelectNext(direction)));
        }

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

            link.Edge = NewEdge(ends.From, ends.To);
            link.ShowBranch(ends.From.Task);
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

    /// <summary>Adds a palette item where it was dropped; answers what the builder's bar says about it.</summary>
    public string Drop(PaletteItem item, double clientX, double clientY)
    {
        var point = Diagram.GetRelativeMousePoint(clientX, clientY);
        // A task is centred on the pointer; a phase hangs from its header, which is what the user grabs.
        return Place(item, item == PaletteItem.Phase
            ? new Point(point.X - PhaseGroup.EmptyWidth / 2, point.Y - PhaseGroup.HeaderHeight / 2)
            : new Point(point.X - TaskNode.Width / 2, point.Y - TaskNode.Height / 2));
    }

    /// <summary>A palette click puts the item in a free place of the part of the canvas the details panel leaves visible.</summary>
    public string AddInView(PaletteItem item)
    {
        var size = item == PaletteItem.Phase ? new Size(PhaseGroup.EmptyWidth, PhaseGroup.EmptyHeight) : new Size(TaskNode.Width, TaskNode.Height);
        if (Diagram.Container is not { } container)
        {
            return Place(item, new Point(FlowLayout.Margin, FlowLayout.Margin));
        }

        var panelOpens = SelectedTask is null && SelectedPhase is null;
        var width = panelOpens ? Math.Max(container.Width - CanvasView.SidePanelWidth, size.Width * Diagram.Zoom) : container.Width;
        var topLeft = Diagram.GetRelativeMousePoint(container.Left, container.Top);
        var bottomRight = Diagram.GetRelativeMousePoint(container.Left + width, container.Top + container.Height);
        return Place(item, CanvasView.FreeSpot(new Rectangle(topLeft.X, topLeft.Y, bottomRight.X, bottomRight.Y), size, Occupied));
    }

    private string Place(PaletteItem item, Point topLeft)
    {
        if (item == PaletteItem.Phase)
        {
            AddPhase(topLeft);
            return Languages.Text<BuilderText>("PhaseAdded");
        }

        var type = item switch
        {
            PaletteItem.AutomationTask => TaskType.AUTOMATION,
            PaletteItem.Decision => TaskType.DECISION,
            _ => TaskType.MANUAL,
        };
        AddTask(type, new Point(topLeft.X + TaskNode.Width / 2, topLeft.Y + TaskNode.Height / 2));
        return type switch
        {
            TaskType.AUTOMATION => Languages.Text<BuilderText>("AutomationAdded"),
            TaskType.DECISION => Languages.Text<BuilderText>("DecisionAdded"),
            _ => Languages.Text<BuilderText>("ManualTaskAdded"),
        };
    }
}
