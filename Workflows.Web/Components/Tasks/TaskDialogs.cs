using System.Runtime.CompilerServices;
using MudBlazor;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Core.Notes;
using Workflows.Core.Localization;
using Workflows.Web.Components.Journeys;

namespace Workflows.Web.Components.Tasks;

/// <summary>
/// The dialogs that ask what a task command needs (assignees, a due date, a new task, whether to reset what follows)
/// and the ones that show a task's notes, journey or bulk result; the sidebar and the dashboard open them alike.
/// Each answers null when the person cancels.
/// </summary>
public static class TaskDialogs
{
    private static readonly DialogOptions Small = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    private static readonly DialogOptions SmallEscapable = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    public static async Task<IReadOnlyList<Assignee>?> AskAssigneesAsync(
        this IDialogService dialogs, AssigneeNames names, IReadOnlyList<string> current, string? title = null)
    {
        var dialog = await dialogs.ShowAsync<AssignDialog>(title ?? T("AssignTitle"), new DialogParameters<AssignDialog>
        {
            { d => d.Names, names },
            { d => d.Current, current },
        }, Small);
        return await dialog.Result is { Canceled: false, Data: List<string> ids } ? [.. ids.Select(Assignee.Of)] : null;
    }

    /// <summary>The chosen due date in a box, whose value is null when the person cleared it; null when they cancelled.</summary>
    public static async Task<StrongBox<FlowDueDate?>?> AskDueDateAsync(
        this IDialogService dialogs, FlowDueDate? current, TimeZoneInfo zone, string? title = null)
    {
        var dialog = await dialogs.ShowAsync<DueDateDialog>(title ?? T("DueDateTitle"), new DialogParameters<DueDateDialog>
        {
            { d => d.Current, current },
            { d => d.Zone, zone },
        }, SmallEscapable);
        var result = await dialog.Result;
        return result is null || result.Canceled ? null : new StrongBox<FlowDueDate?>(result.Data as FlowDueDate);
    }

    /// <summary>The chosen priority in a box, whose value is null when the person went back to the default; null when they cancelled.</summary>
    public static async Task<StrongBox<int?>?> AskPriorityAsync(this IDialogService dialogs, int? current)
    {
        var dialog = await dialogs.ShowAsync<PriorityDialog>(T("Priority"), new DialogParameters<PriorityDialog> { { d => d.Current, current } },
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is null || result.Canceled ? null : new StrongBox<int?>(result.Data as int?);
    }

    /// <summary>The chosen follow-up day in a box, whose value is null when the person cleared it; null when they cancelled.</summary>
    public static async Task<StrongBox<DateOnly?>?> AskFollowUpAsync(this IDialogService dialogs, DateOnly? current)
    {
        var dialog = await dialogs.ShowAsync<FollowUpDialog>(T("FollowUpTitle"), new DialogParameters<FollowUpDialog> { { d => d.Current, current } },
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is null || result.Canceled ? null : new StrongBox<DateOnly?>(result.Data as DateOnly?);
    }

    public static async Task<AddManualTask?> AskNewTaskAsync(this IDialogService dialogs, FlowExecution execution, string? afterTaskId, AssigneeNames names)
    {
        var dialog = await dialogs.ShowAsync<AddTaskDialog>(T("NewTaskTitle"), new DialogParameters<AddTaskDialog>
        {
            { d => d.Execution, execution },
            { d => d.AfterTaskId, afterTaskId },
            { d => d.Names, names },
        }, Small);
        return await dialog.Result is { Canceled: false, Data: AddManualTask command } ? command : null;
    }

    /// <summary>Whether reopening a task also resets the tasks after it; null when the person cancelled.</summary>
    public static async Task<bool?> AskReopenAsync(this IDialogService dialogs, string taskName)
    {
        var dialog = await dialogs.ShowAsync<ReopenTaskDialog>(T("ReopenTaskTitle"), new DialogParameters<ReopenTaskDialog> { { d => d.TaskName, taskName } });
        return await dialog.Result is { Canceled: false, Data: bool revert } ? revert : null;
    }

    public static Task ShowNotesAsync(this IDialogService dialogs, NoteTarget target, string taskName, string link) =>
        dialogs.ShowAsync<NotesDialog>(T("NotesTitle", taskName), new DialogParameters<NotesDialog>
        {
            { d => d.Target, target },
            { d => d.Link, link },
        }, SmallEscapable);

    public static Task ShowBulkResultAsync(this IDialogService dialogs, IReadOnlyList<BulkItemResult> results) =>
        dialogs.ShowAsync<BulkResultDialog>(T("BulkResultTitle"), new DialogParameters<BulkResultDialog> { { d => d.Results, results } });

    /// <summary>Runs a task's journey; phones get the whole screen, since a form in steps does not fit a dialog there.</summary>
    public static async Task<JourneySubmitResult?> RunJourneyAsync(
        this IDialogService dialogs, FlowExecution execution, ExecutionTask task, string entityId, Actor actor, bool fullScreen)
    {
        var dialog = await dialogs.ShowAsync<JourneyDialog>(task.Journey?.Name ?? T("Journey"), new DialogParameters<JourneyDialog>
        {
            { d => d.JourneyId, task.Journey!.JourneyId! },
            { d => d.EntityId, entityId },
            { d => d.ExecutionId, execution.Id },
            { d => d.TaskId, task.Id },
            { d => d.Actor, actor },
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, FullScreen = fullScreen, CloseOnEscapeKey = true, BackdropClick = false });
        return await dialog.Result is { Canceled: false, Data: JourneySubmitResult result } ? result : null;
    }

    public static Task ShareJourneyLinkAsync(this IDialogService dialogs, FlowExecution execution, ExecutionTask task, string entityId, Actor actor) =>
        dialogs.ShowAsync<ShareJourneyLinkDialog>(T("ShareJourneyTitle"), new DialogParameters<ShareJourneyLinkDialog>
        {
            { d => d.JourneyId, task.Journey!.JourneyId! },
            { d => d.JourneyName, task.Journey.Name ?? task.Name },
            { d => d.EntityId, entityId },
            { d => d.ExecutionId, execution.Id },
            { d => d.TaskId, task.Id },
            { d => d.CompletesTask, task.Journey.CompleteTaskAutomatically ?? true },
            { d => d.Actor, actor },
        }, SmallEscapable);

    private static string T(string key, params object[] arguments) => Languages.Text<TaskText>(key, arguments);
}
