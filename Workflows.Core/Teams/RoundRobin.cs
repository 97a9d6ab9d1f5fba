using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Teams;

/// <summary>
/// Hands the tasks a workflow reaches while they wait in a round-robin team's queue to the team's next member who is
/// not absent: the member after the one who got the last task, in the order of their ids, so N tasks spread evenly.
/// The member is put in front of the team, as if they had claimed it (<see cref="TeamTasks"/>).
/// </summary>
public static class RoundRobin
{
    // Each lost update means another change took a turn, so this bounds how many hand out at the same moment.
    private const int Attempts = 100;

    /// <summary>
    /// The assignments to make on <paramref name="execution"/> as it stands after a change: one <see cref="Assign"/>
    /// per reached, unfinished task assigned only to teams, one of them round-robin with a member present. Picking advances each
    /// team's cursor at once (a conditional update), so concurrent changes never hand out by the same cursor value;
    /// a change that then fails to save leaves that turn unused, which only shifts the rotation by one.
    /// </summary>
    public static async Task<IReadOnlyList<Assign>> HandOutAsync(WorkflowsDbContext db, FlowExecution execution, CancellationToken cancellationToken)
    {
        var reached = execution.CrtTasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var candidates = execution.Tasks
            .Where(t => reached.Contains(t.Id) && !t.IsFinished && t.Team is null && t.AssigneeIds().All(IsTeamId) && t.AssigneeIds().Any())
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var teamIds = candidates.SelectMany(t => t.AssigneeIds()).Where(IsTeamId).Distinct().ToList();
        var roundRobin = await db.Teams.AsNoTracking()
            .Where(t => t.RoundRobin && teamIds.Contains(t.Id))
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        var assignments = new List<Assign>();
        foreach (var task in candidates)
        {
            if (task.AssigneeIds().FirstOrDefault(roundRobin.Contains) is not { } teamId
                || await NextMemberAsync(db, teamId, cancellationToken) is not { } member)
            {
                continue;
            }

            assignments.Add(new Assign(FlowItemRef.Task(task.Id), [Assignee.Of(member), .. task.AssignedTo!]) { Team = teamId });
        }

        return assignments;
    }

    /// <summary>
    /// Takes the team's next turn: the first present member after the last one served (wrapping round), and moves the
    /// cursor on by one with <c>UPDATE … WHERE cursor = seen</c>; a lost race reads again. Null when every member is
    /// absent (the task stays with the team, in everyone's queue).
    /// </summary>
    public static async Task<string?> NextMemberAsync(WorkflowsDbContext db, string teamId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var state = await db.Teams.AsNoTracking()
                .Where(t => t.Id == teamId)
                .Select(t => new { t.Cursor, t.LastAssignee })
                .SingleOrDefaultAsync(cancellationToken);
            if (state is null)
            {
                return null;
            }

            var present = await (
                    from member in db.TeamMembers
                    join user in db.Users on member.UserId equals user.Id
                    where member.TeamId == teamId && !user.Absent
                    select member.UserId)
                .ToListAsync(cancellationToken);
            if (present.Count == 0)
            {
                return null;
            }

            present.Sort(StringComparer.Ordinal);
            var next = present.FirstOrDefault(id => state.LastAssignee is null || string.CompareOrdinal(id, state.LastAssignee) > 0) ?? present[0];
            var taken = await db.Teams
                .Where(t => t.Id == teamId && t.Cursor == state.Cursor)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Cursor, state.Cursor + 1).SetProperty(t => t.LastAssignee, next), cancellationToken);
            if (taken == 1)
            {
                return next;
            }
        }

        return null;
    }

    public static bool IsTeamId(string id) => id.StartsWith(TeamAdministration.IdPrefix, StringComparison.Ordinal);
}
