namespace Workflows.Web.Components.Builder;

/// <summary>Undo and redo over snapshots of the whole template (its JSON): simple, and exact whatever the edit was.</summary>
public sealed class EditHistory(string initial, int capacity = 200)
{
    private readonly LinkedList<string> undo = new();
    private readonly Stack<string> redo = new();

    public string Current { get; private set; } = initial;

    public bool CanUndo => undo.Count > 0;

    public bool CanRedo => redo.Count > 0;

    /// <summary>Records a new state; returns false when nothing changed.</summary>
    public bool Record(string state)
    {
        if (state == Current)
        {
            return false;
        }

        undo.AddLast(Current);
        if (undo.Count > capacity)
        {
            undo.RemoveFirst();
        }

        redo.Clear();
        Current = state;
        return true;
    }

    public string? Undo()
    {
        if (undo.Last is not { } last)
        {
            return null;
        }

        undo.RemoveLast();
        redo.Push(Current);
        Current = last.Value;
        return Current;
    }

    public string? Redo()
    {
        if (!redo.TryPop(out var next))
        {
            return null;
        }

        undo.AddLast(Current);
        Current = next;
        return Current;
    }
}
