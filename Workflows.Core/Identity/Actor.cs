namespace Workflows.Core.Identity;

/// <summary>Who does something: a signed-in user, an API token's user, an automation or an external journey link.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor System { get; } = new("system", "System");

    public static Actor External { get; } = new("external", "External");

    /// <summary>The actor of an automation's run: it acts by itself, nobody in particular.</summary>
    public static Actor Automation(string automationId, string automationName) => new($"automation:{automationId}", $"Automation \"{automationName}\"");

    /// <summary>Whether <paramref name="id"/> is the system or an automation rather than a person.</summary>
    public static bool IsAutomatic(string id) => id == System.Id || id.StartsWith("automation:", StringComparison.Ordinal);
}
