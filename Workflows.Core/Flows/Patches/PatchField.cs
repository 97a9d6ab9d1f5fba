namespace Workflows.Core.Flows.Patches;

/// <summary>One field of a patch: whether the request set it (with a value that could be read), and that value (null when sent as null, which clears).</summary>
public readonly record struct PatchField<T>(bool Present, T? Value);
