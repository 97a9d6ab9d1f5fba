using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Workflows.Core.Automations;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Progress;
using Workflows.Tests.Data.Automations;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Progress;

/// <summary><c>{{progress_link}}</c> in an automation e-mail: a working link to the workflow's progress page, at the configured address.</summary>
public sealed partial class ProgressEmailTests
{
    private const string Opportunity = "opportunity-003";

    private static async Task<(AutomationHarness Harness, string ExecutionId)> StartWithMailAsync(Uri? publicUrl)
    {
        var h = await AutomationHarness.StartAsync(services => services.Replace(ServiceDescriptor.Singleton(new FlowSettings { PublicUrl = publicUrl })));
        var template = await h.SaveTemplateAsync(ATemplate("Install").WithTask("a")
            .With(t => { t.Id = null; t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" }; }).Build());
        await h.SaveAsync("tell", "Tell the customer", [new AutomationTrigger { Type = AutomationTriggerType.FlowStarted, TemplateId = template.Id }],
            new AutomationAction
            {
                Type = AutomationActionType.SendEmail,
                To = "customer@example.com",
                Subject = "Your project",
                Body = "Follow your project at {{progress_link}} any time.",
            });
        var execution = await h.StartAsync(template.Id!, Opportunity);
        await h.RunJobsAsync();
        return (h, execution.Id);
    }

    [Fact]
    public async Task An_email_with_progress_link_carries_a_link_that_opens_the_workflows_progress()
    {
        var (h, executionId) = await StartWithMailAsync(new Uri("https://workflows.example.com/"));
        await using var _ = h;

        var mail = await MimeMessage.LoadAsync(Assert.Single(h.Mails()));
        var link = LinkIn().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);

        var opened = await h.Services.GetRequiredService<ProgressLinkService>().OpenAsync(Uri.UnescapeDataString(link.Groups[1].Value), CancellationToken.None);
        Assert.Equal(ProgressLinkState.Valid, opened.State);
        Assert.Equal(executionId, opened.ExecutionId);
        Assert.Equal(AutomationRunStatus.Succeeded, Assert.Single(await h.RunsAsync("tell")).Status);
    }

    [Fact]
    public async Task Without_a_public_address_the_email_fails_and_says_which_setting_to_set()
    {
        var (h, _) = await StartWithMailAsync(publicUrl: null);
        await using var _ = h;

        var run = Assert.Single(await h.RunsAsync("tell"));
        Assert.Equal(AutomationRunStatus.Failed, run.Status);
        Assert.Contains("Workflows:PublicUrl", run.Error, StringComparison.Ordinal);
        Assert.Empty(h.Mails());
    }

    [GeneratedRegex(@"https://workflows\.example\.com/progress/(\S+) any time")]
    private static partial Regex LinkIn();
}
