using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workflows.Core.Identity;

namespace Workflows.Web.Hosting;

/// <summary>Puts the display name and partner organisation into the sign-in cookie, so pages need no lookup.</summary>
internal sealed class WorkflowsClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName));
        if (user.PartnerId is not null)
        {
            identity.AddClaim(new Claim(UserClaims.PartnerId, user.PartnerId));
        }

        return identity;
    }
}
