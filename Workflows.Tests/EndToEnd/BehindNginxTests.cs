using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Workflows.Tests.Api;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// The production shape on loopback: <c>deploy/nginx.conf</c> (TLS, sticky route cookie, WebSockets) run by Debian's
/// nginx in front of two instances on one database and one real Redis. Skipped where nginx or redis-server is missing
/// (<c>./test.sh --postgres</c> installs both).
/// </summary>
public sealed class BehindNginx : IAsyncLifetime
{
    private NginxProxy? nginx;

    public static bool Installed => NginxProxy.Installed && RedisServer.Installed;

    public RedisServer Redis { get; } = new();

    public BrowserFixture A { get; } = new();

    public WorkflowsAppFactory B { get; } = new();

    /// <summary>Which instance answered each page request: ("A" or "B", path).</summary>
    public ConcurrentQueue<(string Instance, string Path)> Served { get; } = new();

    public Uri Address { get; private set; } = default!;

    public Uri BAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!Installed)
        {
            return;
        }

        A.App.Settings["Redis:Connection"] = Redis.Connection;
        A.App.ExtraServices.Add(services => services.AddSingleton<IStartupFilter>(new Witness("A", Served)));
        await A.InitializeAsync();
        B.Settings["Redis:Connection"] = Redis.Connection;
        B.Settings["ConnectionStrings:Workflows"] = A.App.Database.ConnectionString;
        B.Settings["Database:Provider"] = A.App.Database.Provider;
        B.ExtraServices.Add(services => services.AddSingleton<IStartupFilter>(new Witness("B", Served)));
        BAddress = B.StartOnSocket();

        nginx = await NginxProxy.StartAsync(A.BaseAddress.Port, BAddress.Port);
        Address = nginx.Address;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await A.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }

        await B.DisposeAsync();
        if (Installed)
        {
            await A.DisposeAsync();
        }

        Redis.Dispose();
    }

    /// <summary>Notes which instance served each page (not the circuit's or the assets' requests).</summary>
    private sealed class Witness(string instance, ConcurrentQueue<(string, string)> served) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var path = context.Request.Path.Value ?? "";
                if (!path.StartsWith("/_", StringComparison.Ordinal) && !Path.HasExtension(path))
                {
                    served.Enqueue((instance, path));
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class BehindNginxFactAttribute : FactAttribute
{
    public BehindNginxFactAttribute()
    {
        if (!BehindNginx.Installed)
        {
            Skip = "needs /usr/sbin/nginx and /usr/bin/redis-server: ./test.sh --postgres installs them";
        }
    }
}

[Collection(nameof(EndToEnd))]
public sealed class BehindNginxTests(BehindNginx setup) : IClassFixture<BehindNginx>
{
    [BehindNginxFact]
    public async Task A_sign_in_through_nginx_works_on_both_instances()
    {
        var page = await setup.NewPageAsync();
        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, cookie => cookie.Name == "workflows_route" && cookie.Secure);
        // Served over https (nginx forwards the scheme; loopback is a trusted proxy), the sign-in cookie is Secure.
        Assert.Contains(cookies, cookie => cookie.Name == ".AspNetCore.Identity.Application" && cookie.Secure && cookie.HttpOnly);

        // Another route cookie sends the same sign-in to the other instance: both read the cookie (shared keys).
        var before = setup.Served.Count;
        for (var route = 0; route < 16; route++)
        {
            await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "workflows_route", Value = "route-" + route, Url = setup.Address.ToString() }]);
            var response = await page.GotoAsync("/dashboard");
            Assert.Equal(200, response!.Status);
            Assert.EndsWith("/dashboard", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        }

        var instances = setup.Served.Skip(before).Where(s => s.Path == "/dashboard").Select(s => s.Instance).Distinct().ToList();
        Assert.Equal(["A", "B"], instances.Order());
        await page.Context.CloseAsync();
    }

    [BehindNginxFact]
    public async Task A_page_through_nginx_sees_a_change_made_on_the_other_instance_live()
    {
        var page = await setup.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        var before = setup.Served.Count;
        await page.GotoAsync("/entities/opportunity/opportunity-011");
        await page.WaitForInteractiveAsync();
        var servedBy = setup.Served.Skip(before).Last(s => s.Path.StartsWith("/entities/", StringComparison.Ordinal)).Instance;

        // The change goes through the instance that does not hold the page's circuit.
        var other = servedBy == "A" ? setup.A.App : setup.B;
        var admin = await ApiClients.ForAsync(other, "admin@workflows.demo");
        var template = await FlowApi.CreateTemplateAsync(admin, FlowApi.SolarTemplate("Behind nginx"));
        var execution = await FlowApi.StartAsync(admin, template["id"]!.GetValue<string>(), "opportunity-011");
        var task = page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = "Check documents" }) }).First;
        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "PENDING", new() { Timeout = 3_000 });

        await FlowApi.PatchTaskAsync(admin, execution["id"]!.GetValue<string>(), "docs", new JsonObject { ["status"] = "COMPLETED" });

        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "COMPLETED", new() { Timeout = 3_000 });
        await page.ScreenshotAsync("behind-nginx-live");
        await page.Context.CloseAsync();
    }
}
