using System.Globalization;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// One argument of a <see cref="HistoryLine"/>, kept as what it is rather than as words, so that it reads in the
/// reader's language: text as given (a name, a typed reason), names to quote, assignee ids, a due date, a pending due
/// rule or a priority. Exactly one of its values is set.
/// </summary>
public sealed record HistoryArg
{
    public string? Text { get; init; }

    /// <summary>Names each quoted as the language quotes ('A', 'B' or „A“, „B“).</summary>
    public IReadOnlyList<string>? Quoted { get; init; }

    /// <summary>Names listed as given, unquoted (closing reasons).</summary>
    public IReadOnlyList<string>? Listed { get; init; }

    /// <summary>Assignee ids (or variables), named when a person reads the line.</summary>
    public IReadOnlyList<string>? People { get; init; }

    public FlowDueDate? Due { get; init; }

    public PendingDueRule? Rule { get; init; }

    public int? Priority { get; init; }

    public static implicit operator HistoryArg(string text) => new() { Text = text };

    public static HistoryArg Names(IEnumerable<string> names) => new() { Quoted = [.. names] };

    public static HistoryArg List(IEnumerable<string> names) => new() { Listed = [.. names] };

    public static HistoryArg Assignees(IEnumerable<string> ids) => new() { People = [.. ids] };

    public static HistoryArg On(FlowDueDate due) => new() { Due = due };

    public static HistoryArg Of(PendingDueRule rule) => new() { Rule = rule };

    public static HistoryArg Rated(int priority) => new() { Priority = priority };

    public static HistoryArg Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The argument in words of the current language. Without a <paramref name="reader"/> it is written as stored:
    /// assignees as ids, dates in ISO form; with one, people are named and dates follow the language on the tenant's clock.
    /// </summary>
    internal string Format(HistoryReader? reader)
    {
        if (Quoted is { } quoted)
        {
            return string.Join(", ", quoted.Select(name => Languages.Text<HistoryText>("Quoted", name)));
        }

        if (Listed is { } listed)
        {
            return string.Join(", ", listed);
        }

        if (People is { } people)
        {
            return string.Join(", ", reader is null ? people : people.Select(reader.NameOf));
        }

        if (Due is { } due)
        {
            return reader is null ? due.ToString() : DateText.Due(due, reader.Zone);
        }

        if (Rule is { } rule)
        {
            return PendingDueDate.Describe(rule);
        }

        if (Priority is { } priority)
        {
            return TaskPriority.Label(priority);
        }

        return Text ?? "";
    }
}
