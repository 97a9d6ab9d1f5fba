namespace Workflows.Core.Identity;

/// <summary>
/// <c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminName</c>, <c>Bootstrap:AdminPassword</c>: the first administrator of
/// an installation that cannot run a command (a container). Used at start only while no administrator can sign in.
/// </summary>
public sealed class BootstrapAdminOptions
{
    public string? AdminEmail { get; set; }

    public string? AdminName { get; set; }

    public string? AdminPassword { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(AdminEmail) || !string.IsNullOrWhiteSpace(AdminName) || !string.IsNullOrEmpty(AdminPassword);

    public bool IsComplete => !string.IsNullOrWhiteSpace(AdminEmail) && !string.IsNullOrWhiteSpace(AdminName) && !string.IsNullOrEmpty(AdminPassword);
}
