using System.Diagnostics;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Hosting;

/// <summary>
/// <c>deploy/nginx.conf</c> passes Debian's <c>nginx -t</c>, with the compose service names pointed at loopback and a
/// throw-away TLS certificate in place of the mounted one. Skipped, saying so, where nginx is not installed.
/// </summary>
public sealed class NginxConfigTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("workflows-nginx-").FullName;

    [NginxInstalledFact]
    public async Task The_deploy_nginx_conf_is_valid()
    {
        var conf = (await File.ReadAllTextAsync(Path.Combine(Loopback.RepositoryRoot(), "deploy", "nginx.conf")))
            .Replace("server app1:8080", "server 127.0.0.1:18081", StringComparison.Ordinal)
            .Replace("server app2:8080", "server 127.0.0.1:18082", StringComparison.Ordinal)
            .Replace("/etc/nginx/certs/", folder + "/", StringComparison.Ordinal);
        Assert.Contains("hash $route_key consistent", conf, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade", conf, StringComparison.Ordinal);
        var path = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(path, conf);
        TestCertificate.WritePem(folder, "CN=workflows.test");

        var start = new ProcessStartInfo(NginxProxy.Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", "-p", folder, "-c", path, "-e", "stderr" })
        {
            start.ArgumentList.Add(arg);
        }

        using var nginx = Process.Start(start)!;
        var error = await nginx.StandardError.ReadToEndAsync();
        await nginx.WaitForExitAsync();

        Assert.True(nginx.ExitCode == 0, error);
        Assert.Contains("test is successful", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
