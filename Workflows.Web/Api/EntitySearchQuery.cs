using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>
/// The part of epilot's Lucene-style <c>q</c> we answer: <c>field:value</c> terms joined by AND, <c>_schema:</c>
/// for the schema, and bare words as text search.
/// </summary>
public sealed record EntitySearchQuery(string? Schema, string? Text, IReadOnlyList<KeyValuePair<string, string>> Filters)
{
    public static Outcome<EntitySearchQuery> Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Refusal.Invalid("The search needs a query 'q', such as \"_schema:contact AND city:Berlin\".");
        }

        string? schema = null;
        var words = new List<string>();
        var filters = new List<KeyValuePair<string, string>>();
        var terms = q.Split(" AND ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var term in terms)
        {
            if (term.Contains(" OR ", StringComparison.Ordinal) || term.StartsWith("NOT ", StringComparison.Ordinal))
            {
                return Refusal.Invalid($"Only AND is supported between terms; '{term}' uses OR or NOT.");
            }

            var colon = term.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                if (term != "*")
                {
                    words.Add(term.Trim('"'));
                }

                continue;
            }

            var field = term[..colon].Trim();
            var value = term[(colon + 1)..].Trim().Trim('"');
            if (field == "_schema")
            {
                schema = value;
            }
            else if (value != "*")
            {
                filters.Add(new(field, value));
            }
        }

        return new EntitySearchQuery(schema, words.Count == 0 ? null : string.Join(' ', words), filters);
    }
}
