namespace Workflows.Core.Idempotency;

/// <summary>A response kept for replay: status, the headers worth repeating, and the body bytes.</summary>
public sealed record StoredResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);
