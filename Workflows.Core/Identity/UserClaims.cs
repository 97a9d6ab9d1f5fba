namespace Workflows.Core.Identity;

/// <summary>Claims the app adds to a signed-in user beside Identity's own.</summary>
public static class UserClaims
{
    public const string DisplayName = "workflows:display_name";

    /// <summary>The partner organisation of a partner user; absent for staff.</summary>
    public const string PartnerId = "workflows:partner_id";

    /// <summary>One per team the user belongs to, set at sign-in (and whenever the sign-in is revalidated).</summary>
    public const string TeamId = "workflows:team_id";

    /// <summary>The language the user chose in their profile or the user menu; absent until they choose.</summary>
    public const string Language = "workflows:language";
}
