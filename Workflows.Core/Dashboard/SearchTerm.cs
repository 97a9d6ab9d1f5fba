namespace Workflows.Core.Dashboard;

/// <summary>The text of a task search, made literal.</summary>
public static class SearchTerm
{
    /// <summary>
    /// The text as the search compares it: lower-case and trimmed, without control characters or lone UTF-16
    /// surrogates (no task's text holds them, and SQLite's full-text parser ends a phrase at a NUL); null when nothing
    /// is left. Whatever remains is one literal phrase (the full-text search quotes it), never query syntax.
    /// </summary>
    public static string? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                kept.Append(c);
            }
        }

        var term = kept.ToString().Trim().ToLowerInvariant();
        return term.Length == 0 ? null : term;
    }
}
