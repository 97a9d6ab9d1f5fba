using Microsoft.AspNetCore.Identity;

namespace Workflows.Core.Identity;

/// <summary>A person who signs in: staff of the company or a user of a partner organisation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>Set for users of a partner organisation; they see only what is assigned to them or to it.</summary>
    public string? PartnerId { get; set; }

    public Partner? Partner { get; set; }

    /// <summary>Away (holiday, sick): round-robin teams skip them when handing out new tasks.</summary>
    public bool Absent { get; set; }

    /// <summary>The language the user chose (<c>de</c>, <c>en</c>); null until they choose, then the browser decides.</summary>
    public string? Language { get; set; }
}
