namespace Workflows.Core.Flows.Engine;

/// <summary>Who caused a change: a user id as stored in analytics, and a name for summaries.</summary>
public sealed record FlowActor(string UserId, string DisplayName)
{
    /// <summary>For changes nobody in particular made, such as a scheduled automation finishing.</summary>
    public static FlowActor System { get; } = new("system", "Workflows");
}
