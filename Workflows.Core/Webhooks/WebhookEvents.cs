using Workflows.Core.Flows.Engine;
using Workflows.Core.Localization;

namespace Workflows.Core.Webhooks;

/// <summary>
/// The workflow events a subscription may ask for: those the history records, less the scheduler's own bookkeeping
/// (an automation task scheduled or its schedule cancelled), which says nothing about the work.
/// </summary>
public static class WebhookEvents
{
    public static IReadOnlyList<FlowEventType> Offered { get; } =
        [.. Enum.GetValues<FlowEventType>().Where(t => t is not (FlowEventType.AutomationTaskScheduled or FlowEventType.AutomationScheduleCancelled))];

    /// <summary>The event types named, or the refusal naming the first one that is not offered.</summary>
    public static Outcome<List<FlowEventType>> Parse(IEnumerable<string>? names)
    {
        var parsed = new List<FlowEventType>();
        foreach (var name in names ?? [])
        {
            if (!Enum.TryParse<FlowEventType>(name, ignoreCase: false, out var type) || !Offered.Contains(type) || int.TryParse(name, out _))
            {
                return Refusal.Invalid(RefusalText.Of("WebhookEventUnknown", name, string.Join(", ", Offered)));
            }

            if (!parsed.Contains(type))
            {
                parsed.Add(type);
            }
        }

        return parsed.Count == 0 ? Refusal.Invalid(RefusalText.Of("WebhookEventMissing")) : parsed;
    }
}
