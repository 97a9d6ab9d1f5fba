namespace Workflows.Core.Identity;

/// <summary>The roles of DESIGN.md; each grants a part of the product.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Builder = "Builder";
    public const string CaseWorker = "CaseWorker";
    public const string Manager = "Manager";
    public const string Partner = "Partner";

    public static IReadOnlyList<string> All { get; } = [Admin, Builder, CaseWorker, Manager, Partner];
}
