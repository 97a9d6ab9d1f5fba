using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Web.Components.Tasks;
using Workflows.Web.Hosting;

namespace Workflows.Web.Components.Dashboard;

/// <summary>CSV of every task of a dashboard view (all pages), streamed page by page as it is read.</summary>
internal static class DashboardExport
{
    public static void MapDashboardExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard/export.csv", (HttpContext context, TaskSearch search, UserDirectory directory, FlowSettings settings, TimeProvider clock) =>
                WriteAsync(context, search, directory, settings, clock))
            .RequireAuthorization(AuthorizationPolicies.UseDashboard);
        endpoints.MapGet("/partner/export.csv", (HttpContext context, TaskSearch search, UserDirectory directory, FlowSettings settings, TimeProvider clock) =>
                WriteAsync(context, search, directory, settings, clock))
            .RequireAuthorization(AuthorizationPolicies.UsePartnerPortal);
    }

    private static async Task WriteAsync(HttpContext context, TaskSearch search, UserDirectory directory, FlowSettings settings, TimeProvider clock)
    {
        var view = DashboardView.Parse(QueryHelpers.ParseQuery(context.Request.QueryString.Value)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString()));
        var narrowed = await context.RequestServices.GetRequiredService<RecordAttributeFilters>().ApplyAsync(
            view.ToQuery(context.User, clock.GetUtcNow(), settings.TimeZone), view.AttributeFilters, context.RequestAborted);
        if (!narrowed.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(narrowed.Error, context.RequestAborted);
            return;
        }

        var people = await directory.ListPeopleAsync(context.RequestAborted);
        var partners = await directory.ListPartnersAsync(context.RequestAborted);
        string NameOf(string id) => people.FirstOrDefault(p => p.Id == id)?.Name ?? partners.FirstOrDefault(p => p.Id == id)?.Name ?? id;

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"tasks-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        // Words in the reader's language; dates stay ISO, which every spreadsheet reads whatever its language.
        await writer.WriteLineAsync(Languages.Text<DashboardText>("CsvHeader"));
        var query = narrowed.Value with { PageSize = TaskQuery.MaxPageSize };
        for (var page = 0; ; page++)
        {
            var result = await search.SearchAsync(query with { Page = page }, context.RequestAborted);
            foreach (var task in result.Items)
            {
                string[] cells =
                [
                    task.Name, task.WorkflowName, task.EntityTitle ?? task.EntityId, task.EntitySchema ?? "", task.PhaseName ?? "", task.Status,
                    task.DueRule is { } rule ? PendingDueDate.Describe(rule) : task.DueText ?? "", Languages.Text<DashboardText>(task.Overdue ? "CsvYes" : "CsvNo"), string.Join(", ", task.AssignedTo.Select(NameOf)),
                    TimeZoneInfo.ConvertTime(task.UpdatedAt, settings.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    TaskPriority.Label(task.Priority), task.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ];
                await writer.WriteLineAsync(string.Join(';', cells.Select(Escape)));
            }

            await writer.FlushAsync(context.RequestAborted);
            if ((page + 1) * query.PageSize >= result.Total || result.Items.Count == 0)
            {
                break;
            }
        }
    }

    private static string Escape(string cell)
    {
        // Quote when needed, and defuse spreadsheet formulas a record title could smuggle in.
        var safe = cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
