namespace Workflows.Core.Identity;

/// <summary>What an administrator enters to create a user.</summary>
public sealed record NewUser
{
    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public required string Password { get; init; }

    public required IReadOnlyCollection<string> Roles { get; init; }

    /// <summary>The partner organisation; required exactly when <see cref="Roles"/> contains <see cref="Identity.Roles.Partner"/>.</summary>
    public string? PartnerId { get; init; }
}
