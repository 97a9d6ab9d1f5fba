namespace Workflows.Core.Automations.Webhooks;

/// <summary>
/// Sends one webhook POST through the guarded, resilient client and says what became of it: the receiver's answer, or
/// why it could not be reached and whether trying again may help. An address the policy refused is never retried.
/// </summary>
internal static class WebhookCall
{
    public const string HttpClientName = "automation-webhooks";

    public static async Task<Sent> SendAsync(IHttpClientFactory clients, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Host;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return new Sent(await clients.CreateClient(HttpClientName).SendAsync(request, deadline.Token), null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Sent(null, $"{host} did not answer within {timeout.TotalSeconds:0} s.", true);
        }
        catch (HttpRequestException error) when (error.InnerException is WebhookAddressRefusedException refused)
        {
            return new Sent(null, refused.Message, false);
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return new Sent(null, $"{host} could not be reached: {error.Message}", true);
        }
    }

    /// <summary>The answer (the caller disposes it), or the failure and whether it is worth another attempt.</summary>
    public sealed record Sent(HttpResponseMessage? Response, string? Failure, bool Transient);
}
