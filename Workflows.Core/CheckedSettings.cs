using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Core.Reminders;

namespace Workflows.Core;

/// <summary>
/// Settings a wrong value would break at run time, bound from configuration and checked when the app starts, so a
/// mistake stops the start with one message per wrong key instead of failing requests or jobs later.
/// </summary>
public static class CheckedSettings
{
    /// <summary>The longest a timer may wait between rounds; far below <c>Task.Delay</c>'s limit of about 49 days.</summary>
    private static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    public static void AddCoreSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChecked<JobOptions>(configuration, "Jobs")
            .Interval("Jobs:PollInterval", o => o.PollInterval)
            .Positive("Jobs:Lease", o => o.Lease)
            .Positive("Jobs:RetryBaseDelay", o => o.RetryBaseDelay)
            .Positive("Jobs:RetryMaxDelay", o => o.RetryMaxDelay)
            .Positive("Jobs:MaxJobsPerPoll", o => o.MaxJobsPerPoll);
        services.AddChecked<ReminderOptions>(configuration, "Reminders")
            .Positive("Reminders:DueSoonLead", o => o.DueSoonLead)
            .Interval("Reminders:SweepInterval", o => o.SweepInterval);
        services.AddChecked<WorkflowsOptions>(configuration, "Workflows")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Workflows:TimeZone names no time zone this machine knows; use an IANA id such as Europe/Berlin.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || PublicBase(o.PublicUrl) is not null,
                "Workflows:PublicUrl must be an absolute http(s) address, such as https://workflows.example.com/.")
            .Validate(o => Localization.Languages.Known(o.Language) is not null,
                $"Workflows:Language must be one of {string.Join(", ", Localization.Languages.All)}.");
        services.AddChecked<Demo.SeedOptions>(configuration, "Seed")
            .Validate(o => Localization.Languages.Known(o.Language) is not null,
                $"Seed:Language must be one of {string.Join(", ", Localization.Languages.All)}.");
        services.AddChecked<BootstrapAdminOptions>(configuration, "Bootstrap")
            .Validate(o => !o.IsSet || o.IsComplete,
                "Bootstrap:AdminEmail, Bootstrap:AdminName and Bootstrap:AdminPassword go together: set all three, or none.")
            .Validate(o => string.IsNullOrWhiteSpace(o.AdminEmail) || new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(o.AdminEmail.Trim()),
                "Bootstrap:AdminEmail must be an e-mail address, such as admin@example.com.");
        services.AddSingleton(sp => new FlowSettings
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<WorkflowsOptions>>().Value.TimeZone),
            PublicUrl = PublicBase(sp.GetRequiredService<IOptions<WorkflowsOptions>>().Value.PublicUrl),
            Language = Localization.Languages.Known(sp.GetRequiredService<IOptions<WorkflowsOptions>>().Value.Language) ?? Localization.Languages.English,
        });
    }

    /// <summary>An absolute http(s) address as a base that relative links resolve under (with a trailing slash); null otherwise.</summary>
    private static Uri? PublicBase(string? url) =>
        Uri.TryCreate(url?.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>Binds <typeparamref name="T"/> from <paramref name="section"/>, checked at start, and offers it as a singleton.</summary>
    public static OptionsBuilder<T> AddChecked<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    public static OptionsBuilder<T> Positive<T>(this OptionsBuilder<T> options, string key, Func<T, TimeSpan> value)
        where T : class =>
        options.Validate(o => value(o) > TimeSpan.Zero, $"{key} must be a positive duration as d.hh:mm:ss, such as 00:00:10.");

    /// <summary>A count from 1 to <paramref name="max"/> (larger ones are typing mistakes, and overflow where doubled).</summary>
    public static OptionsBuilder<T> Positive<T>(this OptionsBuilder<T> options, string key, Func<T, int> value, int max = 1_000_000)
        where T : class =>
        options.Validate(o => value(o) is > 0 and var n && n <= max, $"{key} must be a whole number from 1 to {max}.");

    private static OptionsBuilder<T> Interval<T>(this OptionsBuilder<T> options, string key, Func<T, TimeSpan> value)
        where T : class =>
        options.Validate(o => value(o) > TimeSpan.Zero && value(o) <= MaxInterval,
            $"{key} must be a duration above 0 and at most {MaxInterval:c}, such as 00:00:05.");
}
