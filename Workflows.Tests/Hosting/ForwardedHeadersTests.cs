using System.Net;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Hosting;

/// <summary>
/// Behind nginx the app sees the scheme the client used: a request from a trusted proxy (loopback here, on a real
/// Kestrel socket) that says <c>X-Forwarded-Proto: https</c> is handled as https, so the sign-in redirect it builds is
/// an https address.
/// </summary>
public sealed class ForwardedHeadersTests : IClassFixture<ForwardedHeadersTests.App>
{
    private readonly Uri address;

    public ForwardedHeadersTests(App app) => address = app.Address;

    public sealed class App : WorkflowsAppFactory
    {
        public App()
        {
            Settings["Seed:Demo"] = "false";
            Settings["Jobs:RunWorker"] = "false";
            Address = StartOnSocket();
        }

        public Uri Address { get; }
    }

    [Theory]
    [InlineData("https", "https://")]
    [InlineData(null, "http://")]
    public async Task A_request_forwarded_by_a_trusted_proxy_has_the_clients_scheme(string? forwardedProto, string expected)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(expected, response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
