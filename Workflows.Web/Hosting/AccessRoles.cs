namespace Workflows.Web.Hosting;

/// <summary>Role lists for <c>[Authorize(Roles = …)]</c>, one per area of the app.</summary>
public static class AccessRoles
{
    public const string Staff = "Admin,Builder,CaseWorker,Manager";
    public const string Builders = "Admin,Builder";
    public const string Dashboard = "Admin,Manager,CaseWorker";
    public const string Admin = "Admin";
    public const string Partner = "Partner";
}
