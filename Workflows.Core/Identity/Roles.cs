using Workflows.Core.Localization;

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

    /// <summary>What a person reads for <paramref name="role"/> in the current language ("Case worker", „Sachbearbeitung“).</summary>
    public static string Label(string role) => All.Contains(role) ? Languages.Text<CoreText>("Role_" + role) : role;
}
