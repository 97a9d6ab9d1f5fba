using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Workflows.Web.Components.Builder;

/// <summary>A task's connection point: edges leave from the right (out) port and arrive at the left (in) port of another task.</summary>
public sealed class TaskPort(TaskNode parent, PortAlignment alignment) : PortModel(parent, alignment)
{
    public bool IsOutgoing => Alignment == PortAlignment.Right;

    /// <summary>Out to in, between two different tasks, and only once per pair.</summary>
    public override bool CanAttachTo(ILinkable other) =>
        other is TaskPort port
        && port.IsOutgoing != IsOutgoing
        && !ReferenceEquals(port.Parent, Parent)
        && !Links.OfType<EdgeLink>().Any(link => link.Edge is not null && (ReferenceEquals(link.Source.Model, port) || ReferenceEquals(link.Target.Model, port)));
}
