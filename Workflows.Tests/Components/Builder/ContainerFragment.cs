using Microsoft.AspNetCore.Components;

namespace Workflows.Tests.Components.Builder;

/// <summary>Renders its child content as is: a root for a component plus the providers it needs.</summary>
public sealed class ContainerFragment : ComponentBase
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
        builder.AddContent(0, ChildContent);
}
