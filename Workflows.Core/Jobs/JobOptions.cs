namespace Workflows.Core.Jobs;

/// <summary>Timing of the job worker (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    /// <summary>How long a claimed job belongs to its worker; renewed between the steps of a long job.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an idle worker sleeps before it looks again (new jobs wake it earlier).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before the second attempt; it doubles with each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Jobs one poll runs at most, so a worker also gets round to housekeeping.</summary>
    public int MaxJobsPerPoll { get; set; } = 50;

    /// <summary>Start the hosted worker with the app. Off in tests that drive polls themselves.</summary>
    public bool RunWorker { get; set; } = true;

    public TimeSpan BackoffFor(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks));
        return delay;
    }
}
