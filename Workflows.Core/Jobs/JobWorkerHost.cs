using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Core.Localization;

namespace Workflows.Core.Jobs;

/// <summary>The job worker as a hosted service: polls, sleeps on the injected clock, wakes early when a job arrives.</summary>
internal sealed class JobWorkerHost(
    JobWorker worker, JobSignal signal, JobOptions options, IEnumerable<IJobStartup> startups, TimeProvider clock, ILogger<JobWorkerHost> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Jobs answer no person: what they store (run errors, history) is English, as the API reads it, whatever the
        // server's locale; pages word it for their reader. Culture set here flows to this loop's work only.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Languages.Culture(Languages.English);
        foreach (var startup in startups)
        {
            try
            {
                await startup.OnWorkerStartAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Job worker start-up step {Step} failed.", startup.GetType().Name);
            }
        }

        logger.LogInformation("Job worker {Worker} started.", worker.WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                ran = await worker.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The database may be briefly unavailable; the worker lives on and tries again.
                logger.LogError(error, "Job worker poll failed.");
            }

            if (ran == 0)
            {
                try
                {
                    await signal.WaitAsync(options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
