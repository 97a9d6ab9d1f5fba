using System.Diagnostics;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// Debian's nginx running <c>deploy/nginx.conf</c> itself on loopback: the compose service names <c>app1</c> and
/// <c>app2</c> point at the given app ports, a throw-away certificate replaces the mounted one, and the listeners move
/// to free loopback ports (TLS on <see cref="Address"/>). <c>./test.sh --postgres</c> installs nginx; tests that need
/// it skip where <see cref="Installed"/> is false.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly string folder;
    private readonly Process process;

    private NginxProxy(string folder, Process process, Uri address)
    {
        this.folder = folder;
        this.process = process;
        Address = address;
    }

    public static bool Installed => File.Exists(Executable);

    /// <summary>The https address nginx listens on (a self-signed certificate for 127.0.0.1).</summary>
    public Uri Address { get; }

    /// <param name="app1Port">Where <c>server app1:8080</c> goes.</param>
    /// <param name="app2Port">Where <c>server app2:8080</c> goes; the same port as app1 for one instance (nginx then lists it twice).</param>
    public static async Task<NginxProxy> StartAsync(int app1Port, int app2Port)
    {
        var folder = Directory.CreateTempSubdirectory("workflows-nginx-run-").FullName;
        var port = Loopback.FreePort();
        var conf = (await File.ReadAllTextAsync(Path.Combine(Loopback.RepositoryRoot(), "deploy", "nginx.conf")))
            .Replace("server app1:8080", $"server 127.0.0.1:{app1Port}", StringComparison.Ordinal)
            .Replace("server app2:8080", $"server 127.0.0.1:{app2Port}", StringComparison.Ordinal)
            .Replace("/etc/nginx/certs/", folder + "/", StringComparison.Ordinal)
            .Replace("worker_processes auto;", $"worker_processes 1;\npid {folder}/nginx.pid;", StringComparison.Ordinal)
            .Replace("access_log /dev/stdout;", "access_log off;", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{Loopback.FreePort()};", StringComparison.Ordinal)
            .Replace("listen [::]:80;", "", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{port} ssl;", StringComparison.Ordinal)
            .Replace("listen [::]:443 ssl http2;", "", StringComparison.Ordinal);
        var path = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(path, conf);
        TestCertificate.WritePem(folder);
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", folder, "-c", path, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }

        var proxy = new NginxProxy(folder, Process.Start(start)!, new Uri($"https://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Loopback.Listening(port))
        {
            if (DateTime.UtcNow > deadline || proxy.process.HasExited)
            {
                var log = await File.ReadAllTextAsync(Path.Combine(folder, "error.log"));
                await proxy.DisposeAsync();
                throw new InvalidOperationException("nginx did not start: " + log);
            }

            await Task.Delay(100);
        }

        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
