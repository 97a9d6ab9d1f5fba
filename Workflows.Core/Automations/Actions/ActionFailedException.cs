namespace Workflows.Core.Automations.Actions;

/// <summary>
/// An action could not do its work. <see cref="Transient"/> failures (a network error, a 5xx answer, a timeout) are
/// retried with backoff; the others (no e-mail address, an unknown template, a refused value) fail the run at once.
/// </summary>
internal sealed class ActionFailedException : Exception
{
    public ActionFailedException()
    {
    }

    public ActionFailedException(string message)
        : base(message)
    {
    }

    public ActionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ActionFailedException(string message, bool transient, Exception? innerException = null)
        : base(message, innerException) => Transient = transient;

    public bool Transient { get; }
}
