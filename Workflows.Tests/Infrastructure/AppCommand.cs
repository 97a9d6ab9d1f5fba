using System.Diagnostics;

namespace Workflows.Tests.Infrastructure;

/// <summary>A command of the real app (<c>dotnet Workflows.Web.dll NAME …</c>) run as a child process to its end.</summary>
public static class AppCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs it on <paramref name="database"/>; <paramref name="input"/>, when given, is its redirected standard input.</summary>
    public static async Task<CommandResult> RunAsync(
        TempDatabase database, IReadOnlyDictionary<string, string?> settings, string? input, params string[] args)
    {
        var start = AppProcess.StartInfo(database, settings, database.FilePath + "-home", args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish in {Timeout}:\n{await output}\n{await error}");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }
}

/// <summary>How a command ended and what it wrote.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
