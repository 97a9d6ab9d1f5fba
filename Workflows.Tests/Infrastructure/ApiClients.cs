using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Workflows.Core.Identity;

namespace Workflows.Tests.Infrastructure;

/// <summary>HTTP clients that call the API with a real token of a demo user.</summary>
public static class ApiClients
{
    public static async Task<HttpClient> ForAsync(WorkflowsAppFactory app, string email, DateTimeOffset? expiresAt = null)
    {
        var token = await CreateTokenAsync(app, email, expiresAt);
        return WithToken(app, token);
    }

    public static HttpClient WithToken(WorkflowsAppFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> CreateTokenAsync(WorkflowsAppFactory app, string email, DateTimeOffset? expiresAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No demo user {email}.");
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(user.Id, $"test token of {email}", expiresAt ?? DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        return created.Value.Token;
    }
}
