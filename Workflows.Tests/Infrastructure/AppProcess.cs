using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// The real app as a child process (the web project's build output), on a database file and settings of the test's
/// choosing, with a HOME of its own so nothing is shared through the user's profile. It listens on a free loopback port.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, string home)
    {
        this.process = process;
        Home = home;
    }

    public Uri Address { get; private set; } = default!;

    public string Home { get; }

    public static async Task<AppProcess> StartAsync(IDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var home = Directory.CreateTempSubdirectory("workflows-home-").FullName;
        var dll = Path.Combine(AppContext.BaseDirectory.Replace("Workflows.Tests", "Workflows.Web", StringComparison.Ordinal), "Workflows.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = home,
        };
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Jobs__RunWorker"] = "false";
        start.Environment["Email__PickupDirectory"] = Path.Combine(home, "mail");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), home);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        app.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The app ended before it listened:\n" + string.Join('\n', output)));
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        app.process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        app.Address = await listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(90));
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(Home, recursive: true);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
