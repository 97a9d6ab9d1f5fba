using Microsoft.AspNetCore.Mvc.Testing;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Hosting;

/// <summary>
/// HSTS as docs/deploy.md deploys the app: nginx ends TLS and forwards the scheme, the app (Production, plain http on
/// its port) answers a request that a trusted proxy marks https with <c>Strict-Transport-Security</c> for a year. Plain
/// http and the Development environment get none. Requests name a real host: ASP.NET Core never sends HSTS to
/// localhost or a loopback address.
/// </summary>
public sealed class HstsTests(HstsTests.ProductionApp production) : IClassFixture<HstsTests.ProductionApp>
{
    private const string Host = "workflows.test";
    private const string Header = "Strict-Transport-Security";
    private const string AYear = "max-age=31536000";

    [Fact]
    public async Task Production_over_https_from_a_trusted_proxy_sends_HSTS_for_a_year()
    {
        using var response = await SendAsync(production.Client, production.App.Address, forwardedProto: "https");

        Assert.True(response.IsSuccessStatusCode, production.App.Output);
        Assert.Equal(AYear, Assert.Single(response.Headers.GetValues(Header)));
    }

    [Fact]
    public async Task Production_over_plain_http_sends_no_HSTS()
    {
        using var response = await SendAsync(production.Client, production.App.Address, forwardedProto: null);

        Assert.True(response.IsSuccessStatusCode, production.App.Output);
        Assert.False(response.Headers.Contains(Header));
    }

    [NginxInstalledFact]
    public async Task Production_behind_the_deploy_nginx_conf_sends_HSTS_for_a_year_over_https()
    {
        await using var nginx = await NginxProxy.StartAsync(production.App.Address.Port, production.App.Address.Port);

        using var response = await SendAsync(production.Client, nginx.Address, forwardedProto: null);

        Assert.True(response.IsSuccessStatusCode, production.App.Output);
        Assert.Equal(AYear, Assert.Single(response.Headers.GetValues(Header)));
    }

    [Fact]
    public async Task Development_sends_no_HSTS_even_over_https()
    {
        await using var app = new WorkflowsAppFactory();
        app.Settings["Seed:Demo"] = "false";
        app.Settings["Jobs:RunWorker"] = "false";
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{Host}/"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("https", response.RequestMessage!.RequestUri!.Scheme);
        Assert.False(response.Headers.Contains(Header));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Uri server, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, "/Account/Login"));
        request.Headers.Host = $"{Host}:{server.Port}";
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return client.SendAsync(request);
    }

    /// <summary>The app as a Production process on its own database, with the Data Protection certificate Production requires.</summary>
    public sealed class ProductionApp : IAsyncLifetime, IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("workflows-hsts-").FullName;

        public AppProcess App { get; private set; } = default!;

        /// <summary>Follows no redirect and accepts nginx's throw-away certificate.</summary>
        public HttpClient Client { get; } = new(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });

        private TempDatabase? database;

        public async Task InitializeAsync()
        {
            database = new TempDatabase();
            App = await AppProcess.StartAsync(database, new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DataProtection:CertificatePath"] = TestCertificate.Create(folder),
                ["DataProtection:CertificatePassword"] = TestCertificate.Password,
                ["Jobs:RunWorker"] = "false",
            }, Path.Combine(folder, "home"));
        }

        public async Task DisposeAsync()
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }
        }

        /// <summary>After <see cref="DisposeAsync"/> has stopped the process.</summary>
        public void Dispose()
        {
            Client.Dispose();
            database?.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
