using System.Text.Json.Serialization;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// One sentence of a workflow's history as a key of <see cref="HistoryText"/> and its arguments, stored with the event
/// so that every reader gets it in their language (<see cref="Read"/>). <see cref="English"/> is the sentence as stored
/// in the event's summary, which the API and webhooks send.
/// </summary>
public sealed record HistoryLine
{
    [JsonConstructor]
    public HistoryLine(string key, IReadOnlyList<HistoryArg> args) => (Key, Args) = (key, args);

    public HistoryLine(string key, params HistoryArg[] args) : this(key, (IReadOnlyList<HistoryArg>)args)
    {
    }

    public string Key { get; }

    public IReadOnlyList<HistoryArg> Args { get; }

    /// <summary>The sentence in English with its values as stored (assignee ids, ISO dates): the event's summary.</summary>
    public string English() => Languages.In(Languages.English, () => Format(reader: null));

    /// <summary>The sentence in the current language for a person: assignees named, dates in the language's format.</summary>
    public string Read(HistoryReader reader) => Format(reader);

    private string Format(HistoryReader? reader) =>
        Languages.Text<HistoryText>(Key, [.. Args.Select(a => (object)a.Format(reader))]);
}
