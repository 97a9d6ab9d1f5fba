using Microsoft.AspNetCore.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Identity;

/// <summary>
/// ASP.NET Identity's reasons (password rules, taken e-mail addresses) in the reader's language: German from
/// <see cref="RefusalText"/>, English exactly as Identity words it.
/// </summary>
public sealed class IdentityErrorTexts : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => InGerman(base.DefaultError(), "IdentityDefaultError");

    public override IdentityError ConcurrencyFailure() => InGerman(base.ConcurrencyFailure(), "IdentityConcurrencyFailure");

    public override IdentityError PasswordMismatch() => InGerman(base.PasswordMismatch(), "IdentityPasswordMismatch");

    public override IdentityError InvalidToken() => InGerman(base.InvalidToken(), "IdentityInvalidToken");

    public override IdentityError RecoveryCodeRedemptionFailed() => InGerman(base.RecoveryCodeRedemptionFailed(), "IdentityRecoveryCodeRedemptionFailed");

    public override IdentityError LoginAlreadyAssociated() => InGerman(base.LoginAlreadyAssociated(), "IdentityLoginAlreadyAssociated");

    public override IdentityError InvalidUserName(string? userName) => InGerman(base.InvalidUserName(userName), "IdentityInvalidUserName", userName);

    public override IdentityError InvalidEmail(string? email) => InGerman(base.InvalidEmail(email), "IdentityInvalidEmail", email);

    public override IdentityError DuplicateUserName(string userName) => InGerman(base.DuplicateUserName(userName), "IdentityDuplicateUserName", userName);

    public override IdentityError DuplicateEmail(string email) => InGerman(base.DuplicateEmail(email), "IdentityDuplicateEmail", email);

    public override IdentityError InvalidRoleName(string? role) => InGerman(base.InvalidRoleName(role), "IdentityInvalidRoleName", role);

    public override IdentityError DuplicateRoleName(string role) => InGerman(base.DuplicateRoleName(role), "IdentityDuplicateRoleName", role);

    public override IdentityError UserAlreadyHasPassword() => InGerman(base.UserAlreadyHasPassword(), "IdentityUserAlreadyHasPassword");

    public override IdentityError UserLockoutNotEnabled() => InGerman(base.UserLockoutNotEnabled(), "IdentityUserLockoutNotEnabled");

    public override IdentityError UserAlreadyInRole(string role) => InGerman(base.UserAlreadyInRole(role), "IdentityUserAlreadyInRole", role);

    public override IdentityError UserNotInRole(string role) => InGerman(base.UserNotInRole(role), "IdentityUserNotInRole", role);

    public override IdentityError PasswordTooShort(int length) => InGerman(base.PasswordTooShort(length), "IdentityPasswordTooShort", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        InGerman(base.PasswordRequiresUniqueChars(uniqueChars), "IdentityPasswordRequiresUniqueChars", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => InGerman(base.PasswordRequiresNonAlphanumeric(), "IdentityPasswordRequiresNonAlphanumeric");

    public override IdentityError PasswordRequiresDigit() => InGerman(base.PasswordRequiresDigit(), "IdentityPasswordRequiresDigit");

    public override IdentityError PasswordRequiresLower() => InGerman(base.PasswordRequiresLower(), "IdentityPasswordRequiresLower");

    public override IdentityError PasswordRequiresUpper() => InGerman(base.PasswordRequiresUpper(), "IdentityPasswordRequiresUpper");

    // English stays Identity's own wording, which people and tests already know.
    private static IdentityError InGerman(IdentityError english, string key, params object?[] arguments) =>
        Languages.Current == Languages.German ? new IdentityError { Code = english.Code, Description = RefusalText.Of(key, arguments) } : english;
}
