namespace Workflows.Core.Identity;

/// <summary>Who does something: a signed-in user, an API token's user, an automation or an external journey link.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor System { get; } = new("system", "System");

    public static Actor External { get; } = new("external", "External");
}
