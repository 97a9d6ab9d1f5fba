using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using Workflows.Core.Email;
using Workflows.Core.Flows;
using Workflows.Core.Progress;

namespace Workflows.Core.Automations.Actions;

/// <summary>
/// Sends a templated plain-text e-mail; by default to the record's <c>email</c> attribute. A subject or body that uses
/// <c>{{progress_link}}</c> gets a fresh link to the workflow's customer progress page, valid for
/// <see cref="ProgressLinkService.DefaultDays"/> days.
/// </summary>
public sealed class SendEmailAction(EmailSender sender, ProgressLinkService progress, FlowSettings settings) : IActionHandler
{
    public const string DefaultRecipient = "{{entity.email}}";

    public const string ProgressLinkValue = "progress_link";

    public AutomationActionType Type => AutomationActionType.SendEmail;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        var toTemplate = string.IsNullOrWhiteSpace(action.To) ? DefaultRecipient : action.To;
        var recipients = ValueTemplate.Render(toTemplate, context.Scope)
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length == 0)
        {
            throw new ActionFailedException(
                $"There is no recipient: \"{toTemplate}\" is empty for {context.Scope.Entity?.Title ?? "this record"}. Fill it in, then retry.");
        }

        var invalid = recipients.Where(r => !MailboxAddress.TryParse(r, out var address) || !address.Address.Contains('@', StringComparison.Ordinal)).ToList();
        if (invalid.Count > 0)
        {
            throw new ActionFailedException($"Not an e-mail address: {string.Join(", ", invalid)}.");
        }

        var scope = UsesProgressLink(action) ? context.Scope with { ProgressLink = ProgressLinkFor(context.Scope) } : context.Scope;
        var subject = ValueTemplate.Render(action.Subject, scope);
        var body = ValueTemplate.Render(action.Body, scope);
        try
        {
            var where = await sender.SendAsync(new EmailMessage(recipients, subject, body), cancellationToken);
            return $"\"{subject}\" to {string.Join(", ", recipients)} ({Path.GetFileName(where)}).";
        }
        catch (Exception error) when (error is SocketException or IOException or ProtocolException or SmtpCommandException { StatusCode: >= (SmtpStatusCode)400 and < (SmtpStatusCode)500 })
        {
            throw new ActionFailedException($"The mail server did not take the e-mail: {error.Message}", transient: true, error);
        }
        catch (Exception error) when (error is SmtpCommandException or MailKit.Security.AuthenticationException)
        {
            throw new ActionFailedException($"The mail server refused the e-mail: {error.Message}", transient: false, error);
        }
    }

    private static bool UsesProgressLink(AutomationAction action) =>
        ValueTemplate.PathsIn(action.Subject).Concat(ValueTemplate.PathsIn(action.Body)).Contains(ProgressLinkValue, StringComparer.Ordinal);

    private string ProgressLinkFor(TemplateScope scope)
    {
        if (scope.Workflow is null)
        {
            throw new ActionFailedException("{{progress_link}} needs a workflow, but this run belongs to none: run the automation from a workflow's task or event.");
        }

        if (settings.PublicUrl is null)
        {
            throw new ActionFailedException("{{progress_link}} needs the address customers reach the app at: set Workflows:PublicUrl, then retry.");
        }

        var link = progress.Create(scope.Workflow.Id, TimeSpan.FromDays(ProgressLinkService.DefaultDays));
        return new Uri(settings.PublicUrl, link.RelativeUrl).ToString();
    }
}
