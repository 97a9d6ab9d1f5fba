using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Workflows.Core.Automations;
using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Dashboard;
using Workflows.Core;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Web.Components.Account;
using Workflows.Web.Api;
using Workflows.Web.Components.Dashboard;
using Workflows.Web.Hosting;

namespace Workflows.Web;

/// <summary>The composition root: every service the app runs with, registered in one place.</summary>
public static class ApplicationSetup
{
    public static WebApplicationBuilder AddWorkflowsApplication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddHsts(hsts => hsts.MaxAge = SecurityHeaders.HstsMaxAge);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config => Components.Shared.OutcomeSnackbar.Configure(config.SnackbarConfiguration));
        services.AddSingleton(TimeProvider.System);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<Components.Tasks.TaskWork>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
        });
        services.AddWorkflowsAuthorization();

        services.AddWorkflowsCore(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddDatabaseDeveloperPageExceptionFilter();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkflowsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IdentityErrorTexts>()
            .AddClaimsPrincipalFactory<WorkflowsClaimsFactory>();

        services.AddWorkflowsApi(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.Ready]);
        services.AddWorkflowsRedis(builder.Configuration);
        services.AddWorkflowsDataProtection(builder.Configuration, builder.Environment);
        services.AddSingleton<IJourneyLinkSigner, DataProtectionLinkSigner>();
        services.AddSingleton<Core.Progress.IProgressLinkSigner>(sp =>
            new DataProtectionLinkSigner(sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), DataProtectionLinkSigner.ProgressPurpose));
        services.AddWorkflowsLanguages();
        services.AddWorkflowsTelemetry(builder.Configuration);
        services.AddWorkflowsForwardedHeaders(builder.Configuration);
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Wrong settings stop the start here, before the database is touched, each named with its key.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await DatabaseSetup.MigrateAsync(db, app.Lifetime.ApplicationStopping);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(app.Lifetime.ApplicationStopping)).Any())
        {
            // Serving anything but the health endpoints would fail on the old schema; /health/ready says why.
            app.Logger.LogWarning("The database has migrations pending and Database:MigrateOnStart is false: run `{Command}`; until then this instance is not ready.", MigrateCommand.Usage);
            return;
        }

        await scope.ServiceProvider.GetRequiredService<WebhookSecrets>().ProtectStoredAsync(app.Lifetime.ApplicationStopping);
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync(app.Lifetime.ApplicationStopping);
        if (app.Configuration.GetValue("Seed:Demo", app.Environment.IsDevelopment()))
        {
            await seeder.SeedAsync(app.Lifetime.ApplicationStopping);
            DemoSeeder.PrintLogins(app.Logger);
        }

        await EnsureBootstrapAdminAsync(app);
        if (app.Configuration["Api:BootstrapToken"] is { Length: > 0 } bootstrapToken)
        {
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            await seeder.EnsureBootstrapTokenAsync(bootstrapToken, tokens, app.Lifetime.ApplicationStopping);
        }
    }

    /// <summary>The first administrator from <c>Bootstrap:Admin*</c>, while none exists; a refused password stops the start.</summary>
    private static async Task EnsureBootstrapAdminAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<BootstrapAdminOptions>();
        if (!options.IsSet)
        {
            return;
        }

        var outcome = await app.Services.GetRequiredService<FirstAdmin>().BootstrapAsync(options, app.Lifetime.ApplicationStopping);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Bootstrap:AdminEmail {options.AdminEmail} could not be created: {outcome.Error}");
        }

        if (outcome.Value.Change == AdminChange.NotNeeded)
        {
            // A warning: the settings hold a password that no longer does anything.
            app.Logger.LogWarning(
                "Bootstrap:AdminEmail is set but ignored: the administrator {Admin} exists. Remove the Bootstrap:Admin* settings.", outcome.Value.Email);
        }
        else
        {
            app.Logger.LogWarning("Created the first administrator {Admin} from Bootstrap:AdminEmail ({Change}).", outcome.Value.Email, outcome.Value.Change);
        }
    }

    public static WebApplication UseWorkflowsPipeline(this WebApplication app)
    {
        // First: everything after it (HSTS, cookies' Secure flag, redirects, rate limits, logs) sees the client's scheme and address.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseWorkflowsApi();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLocalization();
        app.UseAntiforgery();
        app.UseWorkflowsApiRateLimits();
        app.UseWorkflowsApiBodies();
        app.MapStaticAssets();
        return app;
    }

    public static WebApplication MapWorkflowsEndpoints(this WebApplication app)
    {
        // live: the process answers (no check runs); ready: it can serve (database up, schema migrated). /health is ready.
        var ready = new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.Ready) };
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapLanguageSwitch();
        app.MapWorkflowsApi();
        app.MapDashboardExport();
        return app;
    }
}
