namespace Workflows.Core.Entities;

/// <summary>What an upsert did: the record, and whether it was created (rather than updated).</summary>
public sealed record Upserted(EntityRecord Record, bool Created);
