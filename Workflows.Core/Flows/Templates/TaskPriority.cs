using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// How urgent a task is, 0 to 100 as in Camunda Tasklist, and the word a person reads for it. A task without a
/// priority of its own (nor from its template) counts as <see cref="Default"/>, so "sort by priority" and the
/// priority filters treat every task alike.
/// </summary>
public static class TaskPriority
{
    public const int Min = 0;

    public const int Max = 100;

    /// <summary>The priority of a task that names none: the lowest "Medium", so any task rated Medium or more comes before it.</summary>
    public const int Default = 25;

    /// <summary>The priority the task counts with.</summary>
    public static int Of(FlowTask task) => task.Priority ?? Default;

    /// <summary>Low 0–24, Medium 25–49, High 50–74, Critical 75–100.</summary>
    public static TaskPriorityBand Band(int priority) =>
        Enum.GetValues<TaskPriorityBand>().Last(band => band == TaskPriorityBand.Low || priority >= LowestOf(band));

    /// <summary>The band as a person reads it, with the number: "High (60)".</summary>
    public static string Describe(int priority) => $"{Band(priority)} ({priority})";

    /// <summary>A band's word in the current language: "High", "Hoch".</summary>
    public static string BandWord(TaskPriorityBand band) => Languages.Text<CoreText>($"Priority{band}");

    /// <summary>A priority as a person reads it in the current language, its band's word and the number: "High (60)", "Hoch (60)".</summary>
    public static string Label(int priority) => Languages.Text<CoreText>("PriorityWithNumber", BandWord(Band(priority)), DateText.Number(priority));

    /// <summary>The lowest priority of <paramref name="band"/>, for a filter "High or more".</summary>
    public static int LowestOf(TaskPriorityBand band) => band switch
    {
        TaskPriorityBand.Low => 0,
        TaskPriorityBand.Medium => 25,
        TaskPriorityBand.High => 50,
        _ => 75,
    };

    /// <summary>The highest priority of <paramref name="band"/>.</summary>
    public static int HighestOf(TaskPriorityBand band) => band == TaskPriorityBand.Critical ? Max : LowestOf(band + 1) - 1;

    /// <summary>Every band with its numbers: "Low 0–24, Medium 25–49, High 50–74, Critical 75–100".</summary>
    public static string Scale { get; } =
        string.Join(", ", Enum.GetValues<TaskPriorityBand>().Select(band => $"{band} {LowestOf(band)}–{HighestOf(band)}"));

    /// <summary>Why <paramref name="priority"/> is no priority; null when it lies in 0–100.</summary>
    public static string? Problem(int priority) =>
        priority is < Min or > Max ? RefusalText.Of("PriorityOutOfRange", Min, Max, priority) : null;
}
