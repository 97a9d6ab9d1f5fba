using System.Diagnostics.CodeAnalysis;

namespace Workflows.Core;

/// <summary>An <see cref="Outcome"/> that carries the value the operation produced when it succeeded.</summary>
/// <remarks>Return the value or a <see cref="Core.Refusal"/>; both convert implicitly.</remarks>
public sealed record Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal), nameof(Error))]
    public bool Succeeded => Refusal is null;

    /// <summary>The refusal's message, or <c>null</c> on success.</summary>
    public string? Error => Refusal?.Message;

    /// <summary>Success with <paramref name="value"/>, for when the implicit conversion does not apply (interfaces).</summary>
    public static Outcome<T> From(T value) => new(value, null);

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}
