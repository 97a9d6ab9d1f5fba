namespace Workflows.Core.Dashboard;

/// <summary>A named dashboard view (its URL query), private to its owner or shared with everyone.</summary>
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
}
