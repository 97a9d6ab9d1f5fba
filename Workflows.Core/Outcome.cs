using System.Diagnostics.CodeAnalysis;

namespace Workflows.Core;

/// <summary>
/// The result of an operation a user asked for: success, or a <see cref="Core.Refusal"/> with a message that person
/// understands. Refusals are values rather than exceptions because they are expected, and every caller must show them.
/// </summary>
/// <remarks>Return <see cref="Success"/> or a <see cref="Core.Refusal"/>; the refusal converts implicitly.</remarks>
public sealed record Outcome
{
    private Outcome(Refusal? refusal) => Refusal = refusal;

    public static Outcome Success { get; } = new((Refusal?)null);

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal), nameof(Error))]
    public bool Succeeded => Refusal is null;

    /// <summary>The refusal's message, or <c>null</c> on success.</summary>
    public string? Error => Refusal?.Message;

    public static implicit operator Outcome(Refusal refusal) => new(refusal);
}
