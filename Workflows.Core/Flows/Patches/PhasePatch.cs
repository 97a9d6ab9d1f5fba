namespace Workflows.Core.Flows.Patches;

/// <summary>A change of one phase of a running workflow (<c>PATCH …/phases/{phase_id}</c>), as the request asked it.</summary>
public sealed record PhasePatch : ItemPatch
{
    /// <summary>The phase's name, accepted only unchanged.</summary>
    public PatchField<string> Name { get; init; }
}
