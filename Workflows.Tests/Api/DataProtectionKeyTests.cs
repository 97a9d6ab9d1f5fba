using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>
/// Data Protection keys live in the database, encrypted with a certificate when one is configured (required in
/// Production), so a cookie made by one instance is read by another on the same database.
/// </summary>
public sealed class DataProtectionKeyTests
{
    private const string Password = TestCertificate.Password;

    private static string CreateCertificate(string folder) => TestCertificate.Create(folder);

    private static async Task<List<string>> StoredKeysAsync(WorkflowsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    [Fact]
    public async Task Keys_are_stored_in_the_database_table()
    {
        await using var app = new WorkflowsAppFactory();
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var payload = protector.Protect("hello");

        Assert.Equal("hello", protector.Unprotect(payload));
        var key = Assert.Single(await StoredKeysAsync(app));
        Assert.Contains("<masterKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-cert-").FullName;
        try
        {
            await using var app = new WorkflowsAppFactory();
            app.Settings["DataProtection:CertificatePath"] = CreateCertificate(folder);
            app.Settings["DataProtection:CertificatePassword"] = Password;
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

            Assert.Equal("hello", protector.Unprotect(protector.Protect("hello")));

            var key = Assert.Single(await StoredKeysAsync(app));
            Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class ProductionApp : WorkflowsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_key_protection_certificate_naming_the_setting()
    {
        await using var app = new ProductionApp();

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("DataProtection:CertificatePath", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [Fact]
    public async Task A_sign_in_cookie_made_by_one_instance_is_read_by_a_second_on_the_same_database()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-shared-").FullName;
        using var database = new TempDatabase();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Seed:Demo"] = "true",
                ["DataProtection:CertificatePath"] = CreateCertificate(folder),
                ["DataProtection:CertificatePassword"] = Password,
            };
            await using var first = await AppProcess.StartAsync(database, settings, Path.Combine(folder, "home-1"));
            await using var second = await AppProcess.StartAsync(database, settings, Path.Combine(folder, "home-2"));
            Assert.NotEqual(first.Home, second.Home);

            var cookie = await FormSignIn.TryAsync(first.Address, "admin@workflows.demo", "Demo!2026");
            Assert.NotNull(cookie);

            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = second.Address };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(Directory.EnumerateFiles(first.Home, "*.xml", SearchOption.AllDirectories));
            Assert.Empty(Directory.EnumerateFiles(second.Home, "*.xml", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
