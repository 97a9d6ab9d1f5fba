using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workflows.Core.Identity;
using Workflows.Core.Teams;

namespace Workflows.Web.Hosting;

/// <summary>Puts the display name, partner organisation, language and teams into the sign-in cookie, so pages need no lookup.</summary>
internal sealed class WorkflowsClaimsFactory(
    TeamAdministration teams,
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

        if (user.Language is not null)
        {
            identity.AddClaim(new Claim(UserClaims.Language, user.Language));
        }

        foreach (var teamId in await teams.TeamIdsOfAsync(user.Id, CancellationToken.None))
        {
            identity.AddClaim(new Claim(UserClaims.TeamId, teamId));
        }

        return identity;
    }
}
