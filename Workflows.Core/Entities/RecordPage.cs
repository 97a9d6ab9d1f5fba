namespace Workflows.Core.Entities;

public sealed record RecordPage(IReadOnlyList<EntityRecord> Items, int Total);
