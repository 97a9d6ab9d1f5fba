namespace Workflows.Core.Flows.Engine;

/// <summary>What a person's reading of a history line needs: names for assignee ids, and the tenant's zone for dates.</summary>
public sealed record HistoryReader(Func<string, string> NameOf, TimeZoneInfo Zone);
