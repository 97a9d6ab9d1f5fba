using System.Security.Claims;
using Workflows.Core.Automations;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// What every execution endpoint binds besides its route (with <c>[AsParameters]</c>): the request (its body and
/// <c>If-Match</c>), the caller, and the Core services a handler calls.
/// </summary>
internal sealed record ExecutionCall(
    HttpRequest Request,
    ClaimsPrincipal User,
    FlowExecutionService Executions,
    VisibleExecutions Visible,
    AutomationTaskRunner Automations,
    CancellationToken Aborted)
{
    public Actor Actor => User.ToActor();

    /// <summary>The only assignees a confined caller (a partner) reaches; null for staff.</summary>
    public IReadOnlyList<string>? Scope => TaskAccess.AssigneeScope(User);

    public HttpResponse Response => Request.HttpContext.Response;
}
