namespace Workflows.Core.Teams;

/// <summary>
/// A group of users (staff and partner users) a task can be assigned to: any member may claim it, or, with
/// <see cref="RoundRobin"/>, each new task goes to the next member who is not absent (epilot's groups with
/// <c>crt_assignee</c> / <c>crt_index</c>).
/// </summary>
public sealed class Team
{
    /// <summary>The assignee id tasks carry: <c>team-&lt;slug of the first name&gt;</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; set; }

    public bool RoundRobin { get; set; }

    /// <summary>
    /// How many turns round-robin has taken (epilot's <c>crt_index</c>). Each turn advances it by a conditional update,
    /// so two starts never pick by the same value; the member picked is the one after <see cref="LastAssignee"/>.
    /// </summary>
    public long Cursor { get; set; }

    /// <summary>The member round-robin handed the last task to (epilot's <c>crt_assignee</c>).</summary>
    public string? LastAssignee { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<TeamMember> Members { get; set; } = [];
}
