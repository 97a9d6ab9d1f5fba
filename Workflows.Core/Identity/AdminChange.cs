namespace Workflows.Core.Identity;

/// <summary>What making sure of an administrator did to the account.</summary>
public enum AdminChange
{
    /// <summary>No user had the e-mail: one was created with the Admin role.</summary>
    Created,

    /// <summary>The user existed without the Admin role and has it now.</summary>
    Promoted,

    /// <summary>The user was an administrator already.</summary>
    AlreadyAdmin,

    /// <summary>An administrator who can sign in exists, so the bootstrap settings were not used.</summary>
    NotNeeded,
}
