using Microsoft.EntityFrameworkCore;
using Workflows.Core.Telemetry;

namespace Workflows.Core.Data;

/// <summary>
/// Tries a load-change-save again when its save loses a race (<see cref="DbUpdateConcurrencyException"/>), for changes
/// based on no version the caller saw. Each lost try means another change committed after this one loaded (the commit
/// queue answers a refused save only after its batch has committed, so the next try reads it), so up to
/// <see cref="Attempts"/> writers at once on one row all get through.
/// </summary>
public static class LostRaces
{
    public const int Attempts = 10;

    /// <summary>
    /// Runs <paramref name="attempt"/> (each run on a fresh context of its own) and, while it loses a race and
    /// <paramref name="tryAgain"/> holds, runs it again, at most <see cref="Attempts"/> times; otherwise answers
    /// <paramref name="lost"/>. Every lost race is counted on <paramref name="metrics"/>.
    /// </summary>
    public static async Task<T> TryAgainAsync<T>(Func<Task<T>> attempt, bool tryAgain, WorkflowsMetrics metrics, Func<Task<T>> lost)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tryAgain && tries < Attempts)
            {
                metrics.Conflict("lost_race_retried");
            }
            catch (DbUpdateConcurrencyException)
            {
                metrics.Conflict("lost_race_refused");
                return await lost();
            }
        }
    }
}
