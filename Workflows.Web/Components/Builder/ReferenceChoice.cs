namespace Workflows.Web.Components.Builder;

/// <summary>One automation or journey a picker offers: its id, the name a person knows it by and a line of detail.</summary>
public sealed record ReferenceChoice(string Id, string Name, string? Detail = null);
