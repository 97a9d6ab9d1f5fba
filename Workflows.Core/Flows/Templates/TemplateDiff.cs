using System.Text.Json;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// What changed from one version of a template to another: settings, phases, tasks and connections added, removed,
/// renamed or changed. Phases and tasks are matched by id, connections by the tasks they join, so redrawing a
/// connection is no change. Properties the product does not model (<c>ExtensionData</c>, which also holds where the
/// builder drew each item) are not compared: moving items on the canvas changes nothing a workflow does.
/// </summary>
public static class TemplateDiff
{
    private static readonly (string Name, Func<FlowTemplate, object?> Value)[] Settings =
    [
        ("description", t => t.Description),
        ("sequential mode", t => t.Linear ?? false),
        ("additional triggers", t => t.AdditionalTriggers),
        ("workflow due date", t => new object?[] { t.DueDate, t.DueDateConfig }),
        ("workflow assignees", t => t.AssignedTo),
        ("closing reasons", t => t.ClosingReasons?.Select(r => r.Id)),
        ("single closing reason", t => t.SingleClosingReasonSelection ?? false),
        ("entity updates", t => t.EntitySync),
        ("status attributes", t => t.UpdateEntityAttributes),
        ("portal visibility", t => t.AvailableInEcp),
        ("taxonomies", t => t.Taxonomies),
    ];

    private static readonly (string Name, Func<FlowPhase, object?> Value)[] PhaseFields =
    [
        ("due date", p => new object?[] { p.DueDate, p.DueDateConfig }),
        ("assignees", p => p.AssignedTo),
        ("taxonomies", p => p.Taxonomies),
    ];

    private static readonly (string Name, Func<FlowTask, object?> Value)[] TaskFields =
    [
        ("kind", t => t.TaskType),
        ("description", t => t.Description),
        ("due date", t => new object?[] { t.DueDate, t.DueDateConfig }),
        ("requirements", t => t.Requirements),
        ("assignees", t => t.AssignedTo),
        ("automation", t => new object?[] { t.AutomationConfig, t.Schedule }),
        ("trigger mode", t => t.TriggerMode),
        ("journey", t => t.Journey),
        ("branches", t => t.Conditions),
        ("loop", t => t.LoopConfig),
        ("parallel branches", t => t.AllowParallelExecution),
        ("taxonomies", t => t.Taxonomies),
    ];

    /// <summary>The changes that turn <paramref name="from"/> into <paramref name="to"/>: settings, then phases, tasks and connections.</summary>
    public static IReadOnlyList<TemplateChange> Compare(FlowTemplate from, FlowTemplate to)
    {
        var changes = new List<TemplateChange>();
        CompareSettings(from, to, changes);
        ComparePhases(from, to, changes);
        CompareTasks(from, to, changes);
        CompareConnections(from, to, changes);
        return changes;
    }

    private static void CompareSettings(FlowTemplate from, FlowTemplate to, List<TemplateChange> changes)
    {
        if (from.Name != to.Name)
        {
            changes.Add(new(TemplateChangeArea.Settings, TemplateChangeKind.Renamed, $"Workflow renamed from '{from.Name}' to '{to.Name}'"));
        }

        if (from.IsEnabled != to.IsEnabled)
        {
            changes.Add(new(TemplateChangeArea.Settings, TemplateChangeKind.Changed, to.IsEnabled ? "Workflow enabled" : "Workflow disabled"));
        }

        if (Describe(from.Trigger) != Describe(to.Trigger))
        {
            changes.Add(new(TemplateChangeArea.Settings, TemplateChangeKind.Changed, $"Trigger changed from {Describe(from.Trigger)} to {Describe(to.Trigger)}"));
        }

        var changed = Differences(from, to, Settings);
        if (changed.Count > 0)
        {
            changes.Add(new(TemplateChangeArea.Settings, TemplateChangeKind.Changed, $"Workflow settings changed: {string.Join(", ", changed)}"));
        }
    }

    private static void ComparePhases(FlowTemplate from, FlowTemplate to, List<TemplateChange> changes)
    {
        var before = ById(from.Phases ?? [], p => p.Id);
        var after = ById(to.Phases ?? [], p => p.Id);
        foreach (var phase in to.Phases ?? [])
        {
            if (!before.TryGetValue(phase.Id, out var old))
            {
                changes.Add(new(TemplateChangeArea.Phase, TemplateChangeKind.Added, $"Phase '{phase.Name}' added"));
                continue;
            }

            if (old.Name != phase.Name)
            {
                changes.Add(new(TemplateChangeArea.Phase, TemplateChangeKind.Renamed, $"Phase '{old.Name}' renamed to '{phase.Name}'"));
            }

            var changed = Differences(old, phase, PhaseFields);
            if (changed.Count > 0)
            {
                changes.Add(new(TemplateChangeArea.Phase, TemplateChangeKind.Changed, $"Phase '{phase.Name}': {string.Join(", ", changed)} changed"));
            }
        }

        changes.AddRange((from.Phases ?? []).Where(p => !after.ContainsKey(p.Id))
            .Select(p => new TemplateChange(TemplateChangeArea.Phase, TemplateChangeKind.Removed, $"Phase '{p.Name}' removed")));
    }

    private static void CompareTasks(FlowTemplate from, FlowTemplate to, List<TemplateChange> changes)
    {
        var before = ById(from.Tasks, t => t.Id);
        var after = ById(to.Tasks, t => t.Id);
        foreach (var task in to.Tasks)
        {
            if (!before.TryGetValue(task.Id, out var old))
            {
                var where = PhaseName(to, task.PhaseId) is { } phase ? $" to phase '{phase}'" : "";
                changes.Add(new(TemplateChangeArea.Task, TemplateChangeKind.Added, $"Task '{task.Name}' added{where}"));
                continue;
            }

            if (old.Name != task.Name)
            {
                changes.Add(new(TemplateChangeArea.Task, TemplateChangeKind.Renamed, $"Task '{old.Name}' renamed to '{task.Name}'"));
            }

            var changed = Differences(old, task, TaskFields);
            if (old.PhaseId != task.PhaseId)
            {
                changed.Insert(0, $"moved from {PhaseLabel(from, old.PhaseId)} to {PhaseLabel(to, task.PhaseId)}");
            }

            if (changed.Count > 0)
            {
                changes.Add(new(TemplateChangeArea.Task, TemplateChangeKind.Changed, $"Task '{task.Name}': {string.Join(", ", changed)}"));
            }
        }

        changes.AddRange(from.Tasks.Where(t => !after.ContainsKey(t.Id))
            .Select(t => new TemplateChange(TemplateChangeArea.Task, TemplateChangeKind.Removed, $"Task '{t.Name}' removed")));
    }

    private static void CompareConnections(FlowTemplate from, FlowTemplate to, List<TemplateChange> changes)
    {
        var before = Connections(from);
        var after = Connections(to);
        foreach (var (ends, branch) in after)
        {
            var path = Path(to, ends);
            if (!before.TryGetValue(ends, out var old))
            {
                changes.Add(new(TemplateChangeArea.Connection, TemplateChangeKind.Added, $"Connection {path} added{(branch is null ? "" : $" (branch '{branch}')")}"));
            }
            else if (old != branch)
            {
                changes.Add(new(TemplateChangeArea.Connection, TemplateChangeKind.Changed, $"Connection {path} now follows {BranchLabel(branch)} instead of {BranchLabel(old)}"));
            }
        }

        changes.AddRange(before.Keys.Where(ends => !after.ContainsKey(ends))
            .Select(ends => new TemplateChange(TemplateChangeArea.Connection, TemplateChangeKind.Removed, $"Connection {Path(from, ends)} removed")));
    }

    /// <summary>Each connection by the tasks it joins, with the name of the decision branch it belongs to (or "none met").</summary>
    private static Dictionary<(string From, string To), string?> Connections(FlowTemplate template)
    {
        var tasks = ById(template.Tasks, t => t.Id);
        var result = new Dictionary<(string, string), string?>();
        foreach (var edge in template.Edges)
        {
            if (edge.ToId is not { } toId)
            {
                continue;
            }

            var branch = edge.NoneMet == true ? "none met"
                : edge.ConditionId is { } conditionId
                    ? tasks.GetValueOrDefault(edge.FromId)?.Conditions?.Find(c => c.Id == conditionId)?.BranchName ?? conditionId
                    : null;
            result.TryAdd((edge.FromId, toId), branch);
        }

        return result;
    }

    private static string BranchLabel(string? branch) => branch is null ? "no branch" : $"branch '{branch}'";

    private static string Path(FlowTemplate template, (string From, string To) ends) =>
        $"'{TaskName(template, ends.From)}' → '{TaskName(template, ends.To)}'";

    private static string TaskName(FlowTemplate template, string id) => template.Tasks.Find(t => t.Id == id)?.Name ?? id;

    private static string? PhaseName(FlowTemplate template, string? id) =>
        id is null ? null : template.Phases?.Find(p => p.Id == id)?.Name ?? id;

    private static string PhaseLabel(FlowTemplate template, string? id) => PhaseName(template, id) is { } name ? $"phase '{name}'" : "no phase";

    private static string Describe(TemplateTrigger? trigger) => trigger switch
    {
        null => "none",
        { Type: TemplateTriggerType.Manual } => trigger.EntitySchema is { } schema ? $"manually on {schema}" : "manually",
        { Type: TemplateTriggerType.Automation } => trigger.AutomationId is { } automation ? $"automation {automation}" : "an automation",
        _ => trigger.Type.ToString().ToLowerInvariant(),
    };

    private static List<string> Differences<T>(T before, T after, (string Name, Func<T, object?> Value)[] fields) =>
        [.. fields.Where(f => Json(f.Value(before)) != Json(f.Value(after))).Select(f => f.Name)];

    private static string Json(object? value) => JsonSerializer.Serialize(value, FlowJson.Options);

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            result.TryAdd(id(item), item);
        }

        return result;
    }
}
