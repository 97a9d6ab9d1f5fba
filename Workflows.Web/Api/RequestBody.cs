using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Core;
using Workflows.Core.Flows.Patches;

namespace Workflows.Web.Api;

/// <summary>
/// A JSON object body read field by field, for PATCH requests where "absent" and "null" differ. Every problem is
/// collected, so one answer names them all; <see cref="Problem"/> is null when the body is usable.
/// </summary>
internal sealed class RequestBody(JsonObject json)
{
    private readonly List<string> problems = [];

    public Refusal? Problem => problems.Count == 0 ? null : Refusal.Invalid(string.Join(" ", problems));

    /// <summary>Every problem found so far, one sentence each, in the order the fields were read.</summary>
    public IReadOnlyList<string> Mistakes => problems;

    public bool Has(string name) => json.ContainsKey(name);

    public void Refuse(string message) => problems.Add(message);

    /// <summary>Refuses fields this operation does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var (name, _) in json)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Refuse($"'{(name.Length > 40 ? name[..40] + "…" : name)}' is not a field of this request; it accepts {string.Join(", ", known)}.");
            }
        }
    }

    /// <summary>The field's value when present; <paramref name="allowNull"/> says whether an explicit null is meaningful (clearing).</summary>
    public PatchField<T> Get<T>(string name, bool allowNull = false)
    {
        if (!json.TryGetPropertyValue(name, out var node))
        {
            return default;
        }

        if (node is null)
        {
            if (!allowNull)
            {
                Refuse($"'{name}' must not be null.");
                return default;
            }

            return new PatchField<T>(true, default);
        }

        try
        {
            return new PatchField<T>(true, node.Deserialize<T>(ApiJson.Strict));
        }
        catch (JsonException exception)
        {
            Refuse(ApiJson.Explain(exception, typeof(T), name));
            return default;
        }
    }

    /// <summary>A string field that, when present, must be a non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public string? Text(string name, int maxLength, bool required = false)
    {
        var field = Get<string>(name);
        if (!field.Present)
        {
            if (required && !problems.Exists(p => p.Contains($"'{name}'", StringComparison.Ordinal)))
            {
                Refuse($"'{name}' is required.");
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(field.Value))
        {
            Refuse($"'{name}' must not be empty.");
            return null;
        }

        if (field.Value.Length > maxLength)
        {
            Refuse($"'{name}' can have at most {maxLength} characters.");
            return null;
        }

        return field.Value;
    }
}
