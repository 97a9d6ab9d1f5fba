using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workflows.Core.Identity;

namespace Workflows.Web.Components.Account;

/// <summary>Form posts the static account pages need beside their own handlers.</summary>
internal static class AccountEndpoints
{
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        account.MapPost("/Logout", async (SignInManager<ApplicationUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/Account/Login{(string.IsNullOrEmpty(returnUrl) ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl))}");
        });
        return account;
    }
}
