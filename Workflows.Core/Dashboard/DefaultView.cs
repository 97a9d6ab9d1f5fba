namespace Workflows.Core.Dashboard;

/// <summary>The saved view a user's dashboard opens with when its URL names none.</summary>
public sealed class DefaultView
{
    public required string UserId { get; init; }

    public required string ViewId { get; set; }
}
