using Workflows.Core.Identity;

namespace Workflows.Web.Hosting;

/// <summary>
/// One named authorization policy per <see cref="Permission"/>, each asking <see cref="AccessPolicy"/>: pages use the
/// names in <c>[Authorize(Policy = …)]</c>, endpoint groups and exports in <c>RequireAuthorization(…)</c>.
/// </summary>
public static class AuthorizationPolicies
{
    public const string UseRecords = nameof(Permission.UseRecords);
    public const string ReadDefinitions = nameof(Permission.ReadDefinitions);
    public const string Build = nameof(Permission.Build);
    public const string Administer = nameof(Permission.Administer);
    public const string SeeWork = nameof(Permission.SeeWork);
    public const string WorkTasks = nameof(Permission.WorkTasks);
    public const string ManageWorkflows = nameof(Permission.ManageWorkflows);
    public const string UseDashboard = nameof(Permission.UseDashboard);
    public const string UsePartnerPortal = nameof(Permission.UsePartnerPortal);
    public const string DeleteWorkflows = nameof(Permission.DeleteWorkflows);
    public const string DeleteRecords = nameof(Permission.DeleteRecords);

    public static IServiceCollection AddWorkflowsAuthorization(this IServiceCollection services) =>
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(permission.ToString(), policy => policy.RequireAssertion(context => AccessPolicy.Allows(context.User, permission)));
            }
        });
}
