namespace Workflows.Core.Dashboard;

/// <summary>A named dashboard view or task board (its URL query), private to its owner or shared with everyone.</summary>
public sealed class SavedView
{
    public required string Id { get; init; }

    public required string OwnerId { get; init; }

    public required string OwnerName { get; init; }

    public required string Name { get; set; }

    /// <summary>The <see cref="DashboardView"/> as its URL query string.</summary>
    public required string Query { get; set; }

    public bool Shared { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary><see cref="DashboardKind"/> (a <see cref="DashboardView"/>) or <see cref="BoardKind"/> (a <see cref="BoardView"/>).</summary>
    public string Kind { get; init; } = DashboardKind;

    /// <summary>A shared board that opens for everyone whose board URL names none; at most one.</summary>
    public bool OrganisationDefault { get; set; }

    public const string DashboardKind = "dashboard";

    public const string BoardKind = "board";
}
