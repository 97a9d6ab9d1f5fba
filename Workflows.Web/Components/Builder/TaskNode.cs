using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Builder;

/// <summary>A task on the canvas. It carries the template's own <see cref="FlowTask"/>, which the details panel edits in place.</summary>
public sealed class TaskNode : NodeModel
{
    public const double Width = 220;
    public const double Height = 72;

    public TaskNode(FlowTask task, Point position) : base(task.Id, position)
    {
        Task = task;
        Size = new Size(Width, Height);
        ControlledSize = true;
        In = (TaskPort)AddPort(new TaskPort(this, PortAlignment.Left));
        Out = (TaskPort)AddPort(new TaskPort(this, PortAlignment.Right));
    }

    public FlowTask Task { get; }

    public TaskPort In { get; }

    public TaskPort Out { get; }

    public Point Center => new(Position.X + Width / 2, Position.Y + Height / 2);

    public string DisplayName => BuilderText.Name(Task.Name);

    /// <summary>Set when the keyboard moved the selection here: the node takes the focus once it has rendered.</summary>
    public bool WantsFocus { get; set; }

    /// <summary>What is configured on the task, in a word or two each, as the node shows it under its kind.</summary>
    public IEnumerable<string> Badges()
    {
        var task = Task;
        if (task.Requirements is { Count: > 0 } requirements)
        {
            yield return requirements.Count == 1 ? Languages.Text<BuilderText>("BadgeOneRequirement") : Languages.Text<BuilderText>("BadgeRequirements", requirements.Count);
        }

        if (task.DueDate is not null || task.DueDateConfig is not null)
        {
            yield return Languages.Text<BuilderText>("BadgeDue");
        }

        if (task.AssignedTo is { Count: > 0 } assignees)
        {
            yield return assignees.Count == 1 ? Languages.Text<BuilderText>("BadgeOneAssignee") : Languages.Text<BuilderText>("BadgeAssignees", assignees.Count);
        }

        if (task.TaskType == TaskType.DECISION)
        {
            var branches = task.Conditions?.Count ?? 0;
            yield return branches == 1 ? Languages.Text<BuilderText>("BadgeOneBranch") : Languages.Text<BuilderText>("BadgeBranches", branches);
        }
    }
}
