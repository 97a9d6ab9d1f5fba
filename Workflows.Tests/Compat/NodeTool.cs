using System.Diagnostics;

namespace Workflows.Tests.Compat;

/// <summary>Finds and runs Node.js tools for the SDK compatibility test.</summary>
internal static class NodeTool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The committed Compat folder in the source tree, found upwards from the test binaries.</summary>
    public static string CompatFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Workflows.Tests", "Compat");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Workflows.Tests/Compat/package.json was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Installs the pinned packages when they are missing or older than the lock file. ./test.sh runs "npm ci" first;
    /// this only helps a developer who runs one test on its own.
    /// </summary>
    public static async Task EnsureInstalledAsync(string folder)
    {
        var marker = Path.Combine(folder, "node_modules", ".package-lock.json");
        if (File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json")))
        {
            return;
        }

        var install = await RunAsync("npm", "ci --no-audit --no-fund", folder, new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, "npm ci failed in Workflows.Tests/Compat:\n" + install.Output);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string tool, string arguments, string folder, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Find(tool) ?? tool, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{tool} {arguments} did not finish within {timeout.TotalSeconds:0} s.\n{await output}\n{await errors}");
        }

        return (process.ExitCode, (await output) + (await errors));
    }
}
