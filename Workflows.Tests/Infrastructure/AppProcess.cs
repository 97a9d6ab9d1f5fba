using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// The real app as a child process (<c>dotnet Workflows.Web.dll</c> from the web project's build output, Development
/// environment unless told) on a <see cref="TempDatabase"/> of the test's (a SQLite file, or a PostgreSQL database under
/// <c>./test.sh --postgres</c>), listening on a free loopback port: for tests that kill it with SIGKILL and start it
/// again on the same database, or run two processes on one. Settings arrive as environment variables.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => this.process = process;

    public Uri Address { get; private set; } = default!;

    /// <summary>The HOME folder of the process: Data Protection would put key files here if it used the file system.</summary>
    public string Home { get; private set; } = default!;

    /// <summary>Every line the app wrote so far, standard output and error.</summary>
    public IReadOnlyList<string> Lines => [.. output];

    /// <summary>The last lines the app wrote, for a failure message.</summary>
    public string Output => string.Join('\n', output.TakeLast(60));

    /// <param name="home">A HOME of its own; by default one beside the database file. Two instances on one database need two.</param>
    public static async Task<AppProcess> StartAsync(TempDatabase database, IReadOnlyDictionary<string, string?> settings, string? home = null)
    {
        home ??= database.FilePath + "-home";
        var start = StartInfo(database, settings, home);
        var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true }) { Home = home };
        app.process.OutputDataReceived += (_, line) => app.Read(line.Data);
        app.process.ErrorDataReceived += (_, line) => app.Read(line.Data);
        app.process.Exited += (_, _) => app.listening.TrySetException(new InvalidOperationException($"The app exited while starting:\n{app.Output}"));
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            app.Address = await app.listening.Task.WaitAsync(StartTimeout);
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>
    /// <c>dotnet Workflows.Web.dll ARGS</c> on <paramref name="database"/> (its provider and connection string, as the
    /// app reads <c>Database:Provider</c> and <c>ConnectionStrings:Workflows</c>), Development unless the settings name
    /// <c>ASPNETCORE_ENVIRONMENT</c>, with its own <paramref name="home"/>; settings become environment variables.
    /// </summary>
    internal static ProcessStartInfo StartInfo(
        TempDatabase database, IReadOnlyDictionary<string, string?> settings, string home, params string[] args)
    {
        var folder = WebOutputFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Workflows.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            // Data Protection keys and anything else under HOME stay with this database, not the developer's.
            ["HOME"] = home,
            ["DOTNET_NOLOGO"] = "1",
            ["ConnectionStrings__Workflows"] = database.ConnectionString,
            ["Database__Provider"] = database.Provider,
            // Development seeds the demo; the tests read its content as written in English.
            ["Seed__Language"] = "en",
            ["Email__PickupDirectory"] = database.FilePath + "-mail",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>SIGKILL, as a crash or an OOM killer would: no shutdown code of the app runs.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The web project's own build output beside the test's (same configuration and framework).</summary>
    internal static string WebOutputFolder()
    {
        var tests = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var marker = $"{Path.DirectorySeparatorChar}Workflows.Tests{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}";
        var web = tests.Replace(marker, $"{Path.DirectorySeparatorChar}Workflows.Web{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        return File.Exists(Path.Combine(web, "Workflows.Web.dll")) ? web : tests;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < StartTimeout)
            {
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The app did not become healthy:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    // Up to a quote as well: in Production the line is a JSON log entry.
    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningLine();
}
