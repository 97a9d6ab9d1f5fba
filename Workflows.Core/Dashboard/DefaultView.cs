namespace Workflows.Core.Dashboard;

/// <summary>The saved view a user's dashboard (or saved board their board page) opens with when its URL names none.</summary>
public sealed class DefaultView
{
    public required string UserId { get; init; }

    public required string ViewId { get; set; }

    /// <summary>Which page the default is for: <see cref="SavedView.DashboardKind"/> or <see cref="SavedView.BoardKind"/>.</summary>
    public string Kind { get; init; } = SavedView.DashboardKind;
}
