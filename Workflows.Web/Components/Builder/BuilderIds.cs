namespace Workflows.Web.Components.Builder;

/// <summary>Ids for what the builder creates: short, readable in JSON, unique enough within one template.</summary>
public static class BuilderIds
{
    public static string New(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
