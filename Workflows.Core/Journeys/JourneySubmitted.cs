using System.Text.Json.Nodes;
using Workflows.Core.Identity;

namespace Workflows.Core.Journeys;

/// <summary>
/// Published on the <see cref="JourneySubmissionBus"/> after a submission committed: automations with a
/// <c>journey_submission</c> trigger subscribe to it.
/// </summary>
public sealed record JourneySubmitted(
    string SubmissionId, string JourneyId, string JourneyName, string EntityId, string EntitySchema,
    string? ExecutionId, string? TaskId, JsonObject Values, Actor Actor, DateTimeOffset At, bool ViaLink);
