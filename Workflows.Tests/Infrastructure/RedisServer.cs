using System.Diagnostics;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// Debian's <c>redis-server</c> on a free loopback port with its own empty folder and no persistence, stopped with
/// the fixture. <c>./test.sh --postgres</c> installs it; without it the tests that need it are skipped, saying why.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly Process? process;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workflows-redis-" + Guid.NewGuid().ToString("N"));

    public RedisServer()
    {
        if (!File.Exists(Executable))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        Port = Loopback.FreePort();
        process = Process.Start(new ProcessStartInfo(Executable,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Loopback.Listening(Port))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("redis-server does not answer on port " + Port);
            }

            Thread.Sleep(100);
        }
    }

    public static bool Installed => File.Exists(Executable);

    public int Port { get; }

    public string Connection => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A fact that runs only where Debian's redis-server is installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisServer.Installed)
        {
            Skip = $"needs {RedisServer.Executable}: ./test.sh --postgres installs it";
        }
    }
}
