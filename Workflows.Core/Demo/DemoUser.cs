namespace Workflows.Core.Demo;

/// <summary>A login the demo seed creates; all share <see cref="DemoSeeder.DemoPassword"/>.</summary>
public sealed record DemoUser(string Email, string DisplayName, string Role, string? PartnerId = null);
