namespace Workflows.Core.Flows.Engine;

/// <summary>What a person's reading of a history line needs: names for assignee ids, and the tenant's zone for dates.</summary>
public sealed record HistoryReader(Func<string, string> NameOf, TimeZoneInfo Zone)
{
    /// <summary>A reader naming ids from <paramref name="names"/>; an id it does not know reads as itself.</summary>
    public static HistoryReader Naming(IReadOnlyDictionary<string, string> names, TimeZoneInfo zone) =>
        new(id => names.GetValueOrDefault(id, id), zone);
}
