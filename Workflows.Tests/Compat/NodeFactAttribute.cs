namespace Workflows.Tests.Compat;

/// <summary>A fact that needs Node.js: skipped, saying why, on a machine without <c>node</c> on the PATH.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeTool.Find("node") is null)
        {
            Skip = "Node.js is not installed (no 'node' on the PATH), so epilot's npm SDK clients cannot be run.";
        }
    }
}
