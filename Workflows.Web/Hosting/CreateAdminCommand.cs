using System.Text;
using Workflows.Core.Identity;

namespace Workflows.Web.Hosting;

/// <summary>
/// <c>dotnet Workflows.Web.dll create-admin --email EMAIL --name NAME [--reset-password]</c>: creates the first
/// administrator of an installation, or gives an existing user the Admin role (see <see cref="FirstAdmin"/>), on the
/// configured database (migrated first), and exits 0, or 1 with the reason. The password comes from
/// <c>WORKFLOWS_ADMIN_PASSWORD</c>, else from standard input when it is redirected, else from a prompt that does not
/// echo.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public const string PasswordVariable = "WORKFLOWS_ADMIN_PASSWORD";

    private const string Usage = "Usage: create-admin --email EMAIL --name \"FULL NAME\" [--reset-password]";

    /// <summary>Runs the command when <paramref name="args"/> ask for it; false means "serve as usual".</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(app, args) ? 0 : 1;
        return true;
    }

    private static async Task<bool> RunAsync(WebApplication app, string[] args)
    {
        var unknown = args.Skip(1).Where((arg, i) => arg.StartsWith("--", StringComparison.Ordinal) && arg is not ("--email" or "--name" or "--reset-password")).ToList();
        if (unknown.Count > 0)
        {
            return Fail($"Unknown option {unknown[0]}. {Usage}");
        }

        if (Value(args, "--email") is not { } email)
        {
            return Fail($"Give the administrator's e-mail with --email. {Usage}");
        }

        var firstAdmin = app.Services.GetRequiredService<FirstAdmin>();
        var outcome = await firstAdmin.EnsureAsync(
            email, Value(args, "--name"), ReadPassword, args.Contains("--reset-password"), app.Lifetime.ApplicationStopping);
        if (!outcome.Succeeded)
        {
            return Fail(outcome.Error);
        }

        var done = outcome.Value;
        Console.WriteLine(done.Change switch
        {
            AdminChange.Created => $"Created the administrator {done.Email}; they can sign in now.",
            AdminChange.Promoted => $"{done.Email} existed and is now an administrator.",
            _ => $"{done.Email} is already an administrator.",
        } + (done.Change == AdminChange.Created ? "" : done.PasswordSet
            ? " The password was reset."
            : " The password was not changed (add --reset-password to set a new one)."));
        return true;
    }

    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        var first = Prompt("Password: ");
        if (first != Prompt("Repeat the password: "))
        {
            Console.Error.WriteLine("The two passwords differ.");
            return null;
        }

        return first;
    }

    /// <summary>Reads a line from the terminal without echoing it.</summary>
    private static string Prompt(string label)
    {
        Console.Write(label);
        var typed = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return typed.ToString();
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
    }

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
