using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Webhooks;

namespace Workflows.Core.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.OwnerId).HasMaxLength(64);
        builder.Property(s => s.OwnerName).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(WebhookService.MaxUrlLength);
        builder.Property(s => s.Description).HasMaxLength(WebhookService.MaxDescriptionLength);
        builder.Property(s => s.DisabledReason).HasMaxLength(2000);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(2000);
        builder.Property(s => s.EventTypes).HasConversion(AutomationColumns.Converter<List<FlowEventType>>(), AutomationColumns.Comparer<List<FlowEventType>>());
        builder.Property(s => s.TemplateIds).HasConversion(AutomationColumns.Converter<List<string>>(), AutomationColumns.Comparer<List<string>>());
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.Property(d => d.Id).HasMaxLength(64);
        builder.Property(d => d.SubscriptionId).HasMaxLength(64);
        builder.Property(d => d.EventType).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ExecutionId).HasMaxLength(64);
        builder.Property(d => d.TemplateId).HasMaxLength(64);
        builder.Property(d => d.JobId).HasMaxLength(64);
        builder.Property(d => d.Attempts).HasConversion(AutomationColumns.Converter<List<WebhookAttempt>>(), AutomationColumns.Comparer<List<WebhookAttempt>>());
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}
