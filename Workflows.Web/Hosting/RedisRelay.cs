using System.Text.Json;
using StackExchange.Redis;
using Workflows.Core.Automations;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Notes;
using Workflows.Core.Notifications;

namespace Workflows.Web.Hosting;

/// <summary>
/// Carries the in-process live signals to every other instance over one Redis pub/sub channel, when
/// <c>Redis:Connection</c> is set (ADR-019): committed workflow changes, record and note changes, new notifications,
/// automation runs and revoked API tokens. Each instance publishes what happened here and, for a message from another
/// instance, raises the same signal locally, so live pages, the notification bell, the job worker's wake-up and the
/// token cache react as if the change were local. The database stays the truth; a lost message costs only liveness
/// (pages re-read on their next load). Journey submissions are not relayed: their automations are queued where they
/// are committed.
/// </summary>
internal sealed partial class RedisRelay(
    IConnectionMultiplexer redis,
    FlowChangeBus flows,
    EntityService entities,
    NoteService notes,
    NotificationService notifications,
    AutomationDispatcher automations,
    ApiTokenService tokens,
    ILogger<RedisRelay> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("workflows:live");

    /// <summary>Set while a message from another instance is raised here, so it is not sent back out.</summary>
    [ThreadStatic]
    private static bool relaying;

    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly List<Action> unsubscribe = [];
    private ISubscriber? subscriber;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(Channel, (_, message) => Receive(message));

        var flowSubscription = flows.Subscribe(change => Send(new Signal(SignalKind.Flow, change.ExecutionId, [.. change.EntityIds], change.Version)));
        unsubscribe.Add(flowSubscription.Dispose);
        Hook<string>(handler => entities.Changed += handler, handler => entities.Changed -= handler, id => Send(new Signal(SignalKind.Record, id)));
        Hook<string>(handler => notes.Changed += handler, handler => notes.Changed -= handler, id => Send(new Signal(SignalKind.Notes, id)));
        Hook<IReadOnlyCollection<string>>(handler => notifications.Arrived += handler, handler => notifications.Arrived -= handler,
            users => Send(new Signal(SignalKind.Notification, null, [.. users])));
        Hook<string?>(handler => automations.RunChanged += handler, handler => automations.RunChanged -= handler,
            id => Send(new Signal(SignalKind.AutomationRun, id)));
        Hook<string>(handler => tokens.Revoked += handler, handler => tokens.Revoked -= handler, hash => Send(new Signal(SignalKind.TokenRevoked, hash)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var undo in unsubscribe)
        {
            undo();
        }

        try
        {
            if (subscriber is not null)
            {
                await subscriber.UnsubscribeAsync(Channel);
            }
        }
        catch (ObjectDisposedException)
        {
            // The connection was closed first at shutdown (seen in the two-instance tests), which ends the subscription too.
        }
        catch (RedisException lost)
        {
            // Redis is unreachable or slow right now: a connection that is down has no subscription to end, and a
            // shutdown must not fail over a hint channel.
            logger.LogInformation(lost, "Redis did not confirm the unsubscribe at shutdown");
        }
    }

    private void Hook<T>(Action<Action<T>> add, Action<Action<T>> remove, Action<T> handler)
    {
        add(handler);
        unsubscribe.Add(() => remove(handler));
    }

    private void Send(Signal signal)
    {
        if (relaying)
        {
            return;
        }

        var message = JsonSerializer.Serialize(signal with { Origin = origin });
        // Fire and forget: a signal is a hint to re-read, and the writer must not wait for Redis.
        subscriber?.Publish(Channel, message, CommandFlags.FireAndForget);
    }

    private void Receive(RedisValue message)
    {
        Signal? signal;
        try
        {
            signal = JsonSerializer.Deserialize<Signal>(message.ToString());
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception);
            return;
        }

        if (signal is null || signal.Origin == origin)
        {
            return;
        }

        relaying = true;
        try
        {
            Raise(signal);
        }
        finally
        {
            relaying = false;
        }
    }

    private void Raise(Signal signal)
    {
        switch (signal.Kind)
        {
            case SignalKind.Flow when signal.Id is { } executionId:
                flows.Publish(new FlowChange(executionId, signal.Version, signal.Ids ?? [], []));
                break;
            case SignalKind.Record when signal.Id is { } recordId:
                entities.Announce(recordId);
                break;
            case SignalKind.Notes when signal.Id is { } entityId:
                notes.Announce(entityId);
                break;
            case SignalKind.Notification when signal.Ids is { } users:
                notifications.Announce(users);
                break;
            case SignalKind.AutomationRun:
                automations.Announce(signal.Id);
                break;
            case SignalKind.TokenRevoked when signal.Id is { } hash:
                tokens.Announce(hash);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live signal from Redis could not be read; it is ignored.")]
    private partial void LogUnreadable(Exception exception);

    internal enum SignalKind
    {
        Flow,
        Record,
        Notes,
        Notification,
        AutomationRun,
        TokenRevoked,
    }

    /// <summary>One relayed signal: what happened (kind), to what (id, ids) and, for workflows, the version committed.</summary>
    internal sealed record Signal(SignalKind Kind, string? Id = null, string[]? Ids = null, int Version = 0)
    {
        public string? Origin { get; init; }
    }
}
