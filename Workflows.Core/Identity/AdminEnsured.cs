namespace Workflows.Core.Identity;

/// <summary>The outcome of <see cref="FirstAdmin"/>: what happened to the account and whether its password was set.</summary>
public sealed record AdminEnsured(AdminChange Change, string Email, bool PasswordSet);
