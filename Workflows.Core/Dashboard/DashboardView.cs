using System.Globalization;
using System.Security.Claims;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;

namespace Workflows.Core.Dashboard;

/// <summary>
/// Everything that decides what a task list shows, as it lives in the page's URL: a link reproduces the view.
/// Defaults (my open tasks, soonest due first — so overdue ones lead) are left out of the URL.
/// </summary>
public sealed record DashboardView
{
    public const string Me = "me";
    public const string Everyone = "all";
    public const string Nobody = "unassigned";

    /// <summary>The team queue: tasks assigned to any team the user is in.</summary>
    public const string MyTeams = "teams";

    /// <summary><c>me</c>, <c>all</c>, <c>unassigned</c>, <c>teams</c>, <c>user:{id}</c>, <c>partner:{id}</c> or <c>team:{id}</c>.</summary>
    public string Assignee { get; init; } = Me;

    /// <summary><c>open</c>, <c>finished</c>, <c>all</c>, or one task status such as <c>IN_PROGRESS</c>.</summary>
    public string Status { get; init; } = "open";

    /// <summary>Empty, <c>overdue</c>, <c>today</c>, <c>week</c>, <c>none</c> or <c>range</c> (with From/To).</summary>
    public string Due { get; init; } = "";

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Template { get; init; }

    public string? Schema { get; init; }

    public string? Phase { get; init; }

    public string? Text { get; init; }

    /// <summary>A column name, with a leading '-' for descending: due, name, workflow, status, record, phase, updated, priority.</summary>
    public string Sort { get; init; } = "due";

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    /// <summary>
    /// The record attribute filters as the URL spells them: <c>attribute:operator:value</c>, the value escaped, joined by
    /// commas. Kept as text so two views compare equal by value; <see cref="AttributeFilters"/> reads them.
    /// </summary>
    public string? Attributes { get; init; }

    /// <summary>The record attribute filters of <see cref="Attributes"/>; malformed entries are left out.</summary>
    public IReadOnlyList<RecordAttributeFilter> AttributeFilters =>
        [.. (Attributes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(':', 3))
            .Where(parts => parts.Length == 3 && parts[0].Length > 0)
            .Select(parts => new RecordAttributeFilter(parts[0], parts[1], Uri.UnescapeDataString(parts[2])))];

    /// <summary>This view with <paramref name="filters"/> as its record attribute filters.</summary>
    public DashboardView WithAttributeFilters(IEnumerable<RecordAttributeFilter> filters) => this with
    {
        Attributes = string.Join(',', filters.Select(f => $"{f.Attribute}:{f.Operator}:{Uri.EscapeDataString(f.Value)}")) is { Length: > 0 } text ? text : null,
    };
    /// <summary>Empty (any), or one band of <see cref="TaskPriority"/>: <c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>.</summary>
    public string Priority { get; init; } = "";

    /// <summary>Also someone's tasks whose follow-up day has not come yet (see <see cref="TaskQuery.HidesFollowUps"/>).</summary>
    public bool FollowUps { get; init; }

    public static DashboardView Parse(IReadOnlyDictionary<string, string?> query)
    {
        string? Get(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        static int Number(string? text, int fallback, int min, int max) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, min, max) : fallback;

        return new DashboardView
        {
            Assignee = Get("assignee") ?? Me,
            Status = Get("status") ?? "open",
            Due = Get("due") ?? "",
            From = Date(Get("from")),
            To = Date(Get("to")),
            Template = Get("template"),
            Schema = Get("schema"),
            Phase = Get("phase"),
            Text = Get("q"),
            Sort = Get("sort") ?? "due",
            Page = Number(Get("page"), 0, 0, 100_000),
            PageSize = Number(Get("size"), 25, 1, TaskQuery.MaxPageSize),
            Attributes = Get("attr"),
            Priority = BandOf(Get("priority")) is { } band ? band.ToString().ToLowerInvariant() : "",
            FollowUps = Get("followups") == "1",
        };
    }

    /// <summary>The URL query of this view, without the defaults, keys in a fixed order.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string key, string? value, string? fallback = null)
        {
            if (!string.IsNullOrEmpty(value) && value != fallback)
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("assignee", Assignee, Me);
        Add("status", Status, "open");
        Add("due", Due);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("template", Template);
        Add("schema", Schema);
        Add("phase", Phase);
        Add("q", Text);
        Add("sort", Sort, "due");
        Add("page", Page.ToString(CultureInfo.InvariantCulture), "0");
        Add("size", PageSize.ToString(CultureInfo.InvariantCulture), "25");
        Add("attr", Attributes);
        Add("priority", Priority);
        Add("followups", FollowUps ? "1" : null);
        return string.Join('&', parts);
    }

    /// <summary>The task query this view asks for on behalf of the signed-in user, within what they may see.</summary>
    public TaskQuery ToQuery(ClaimsPrincipal user, DateTimeOffset now, TimeZoneInfo zone) =>
        TaskAccess.Confine(this, user).ToQuery(TaskAccess.AssigneeIds(user), TaskAccess.AssigneeScope(user), now, zone, TaskAccess.TeamIds(user));

    /// <summary>
    /// The task query this view asks for. <paramref name="myIds"/> are the ids "me" stands for (a partner user's own
    /// id and their organisation's); <paramref name="scope"/>, when set, confines everything to those ids (partners).
    /// <paramref name="myTeams"/> are the teams whose queue <see cref="MyTeams"/> shows; a user in no team sees an empty queue.
    /// </summary>
    public TaskQuery ToQuery(
        IReadOnlyList<string> myIds, IReadOnlyList<string>? scope, DateTimeOffset now, TimeZoneInfo zone, IReadOnlyList<string>? myTeams = null)
    {
        IReadOnlyList<string> assignees = Assignee switch
        {
            Everyone or Nobody => [],
            _ when Assignee.StartsWith("user:", StringComparison.Ordinal) => [Assignee[5..]],
            _ when Assignee.StartsWith("partner:", StringComparison.Ordinal) => [Assignee[8..]],
            _ when Assignee.StartsWith("team:", StringComparison.Ordinal) => [Assignee[5..]],
            MyTeams => myTeams is { Count: > 0 } ? myTeams : [NoTeam],
            _ => myIds,
        };
        assignees = TaskAccess.Within(assignees, scope);

        var (status, exact) = Status.ToLowerInvariant() switch
        {
            "open" => (TaskStatusFilter.Open, (string?)null),
            "finished" => (TaskStatusFilter.Finished, null),
            "all" => (TaskStatusFilter.All, null),
            _ => (TaskStatusFilter.Exactly, Status.ToUpperInvariant()),
        };

        var calendar = new TenantCalendar(zone);
        var today = calendar.DayOf(now);
        var weekStart = TenantCalendar.WeekStart(today);
        (DateTimeOffset? from, DateTimeOffset? to) = Due switch
        {
            "today" => (calendar.StartOf(today), calendar.EndOf(today)),
            "week" => (calendar.StartOf(weekStart), calendar.EndOf(weekStart.AddDays(6))),
            "range" => (From is { } f ? calendar.StartOf(f) : null, To is { } t ? calendar.EndOf(t) : null),
            _ => ((DateTimeOffset?)null, (DateTimeOffset?)null),
        };

        return new TaskQuery
        {
            AssigneeIds = assignees,
            Unassigned = Assignee == Nobody && scope is null,
            Status = status,
            ExactStatus = exact,
            Overdue = Due == "overdue",
            NoDueDate = Due == "none",
            DueFrom = from,
            DueTo = to,
            TemplateId = Template,
            EntitySchema = Schema,
            PhaseName = Phase,
            Text = Text,
            Sort = SortOf(Sort),
            Page = Page,
            PageSize = PageSize,
            PriorityFrom = BandOf(Priority) is { } lowest ? TaskPriority.LowestOf(lowest) : null,
            PriorityTo = BandOf(Priority) is { } band ? TaskPriority.HighestOf(band) : null,
            ShowFollowUps = FollowUps,
        };
    }

    /// <summary>An assignee id no task carries: the queue of a user in no team is empty, not everyone's tasks.</summary>
    private const string NoTeam = "team-";
    /// <summary>The band a URL names (any case), or null for none or an unknown word.</summary>
    public static TaskPriorityBand? BandOf(string? name) =>
        Enum.TryParse<TaskPriorityBand>(name, ignoreCase: true, out var band) && Enum.IsDefined(band) && !name!.Any(char.IsDigit) ? band : null;

    public static TaskSort SortOf(string sort) => sort switch
    {
        "-due" => TaskSort.DueDateDescending,
        "name" => TaskSort.Name,
        "-name" => TaskSort.NameDescending,
        "workflow" => TaskSort.Workflow,
        "-workflow" => TaskSort.WorkflowDescending,
        "status" => TaskSort.Status,
        "-status" => TaskSort.StatusDescending,
        "record" => TaskSort.Record,
        "-record" => TaskSort.RecordDescending,
        "phase" => TaskSort.Phase,
        "-phase" => TaskSort.PhaseDescending,
        "updated" => TaskSort.UpdatedAscending,
        "-updated" => TaskSort.UpdatedDescending,
        "priority" => TaskSort.Priority,
        "-priority" => TaskSort.PriorityDescending,
        _ => TaskSort.DueDate,
    };
}
