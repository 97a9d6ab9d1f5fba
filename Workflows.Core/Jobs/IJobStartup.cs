namespace Workflows.Core.Jobs;

/// <summary>Housekeeping the hosted worker does once when it starts (seed a recurring job, repair missed work).</summary>
internal interface IJobStartup
{
    Task OnWorkerStartAsync(CancellationToken cancellationToken);
}
