using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflows.Core.Automations;
using Workflows.Core.Jobs;

namespace Workflows.Core.Data.Configurations;

internal sealed class AutomationConfiguration : IEntityTypeConfiguration<Automation>
{
    public void Configure(EntityTypeBuilder<Automation> builder)
    {
        builder.ToTable("automations");
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.OwnerId).HasMaxLength(64);
        builder.Property(a => a.OwnerName).HasMaxLength(200);
        builder.Property(a => a.UpdatedBy).HasMaxLength(200);
        builder.Property(a => a.TriggerKinds).HasMaxLength(300);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Triggers).HasConversion(AutomationColumns.Converter<List<AutomationTrigger>>(), AutomationColumns.Comparer<List<AutomationTrigger>>());
        builder.Property(a => a.Actions).HasConversion(AutomationColumns.Converter<List<AutomationAction>>(), AutomationColumns.Comparer<List<AutomationAction>>());
        builder.HasIndex(a => a.Name);
    }
}

internal sealed class AutomationRunConfiguration : IEntityTypeConfiguration<AutomationRun>
{
    public void Configure(EntityTypeBuilder<AutomationRun> builder)
    {
        builder.ToTable("automation_runs");
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.AutomationId).HasMaxLength(64);
        builder.Property(r => r.AutomationName).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.TriggerType).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.TriggerSummary).HasMaxLength(500);
        builder.Property(r => r.EntityId).HasMaxLength(64);
        builder.Property(r => r.EntitySchema).HasMaxLength(64);
        builder.Property(r => r.ExecutionId).HasMaxLength(64);
        builder.Property(r => r.TaskId).HasMaxLength(64);
        builder.Property(r => r.JobId).HasMaxLength(64);
        builder.Property(r => r.RequestedBy).HasMaxLength(200);
        builder.Property(r => r.Event).HasConversion(AutomationColumns.Converter<AutomationEvent>(), AutomationColumns.Comparer<AutomationEvent>());
        builder.Property(r => r.Actions).HasConversion(AutomationColumns.Converter<List<ActionLog>>(), AutomationColumns.Comparer<List<ActionLog>>());
        builder.HasIndex(r => new { r.AutomationId, r.CreatedAt });
        builder.HasIndex(r => new { r.EntityId, r.CreatedAt });
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.Property(j => j.Id).HasMaxLength(64);
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.LastError).HasMaxLength(2000);
        builder.Property(j => j.IdempotencyKey).HasMaxLength(300);
        builder.Property(j => j.ExecutionId).HasMaxLength(64);
        builder.Property(j => j.TaskId).HasMaxLength(64);
        builder.Property(j => j.EntityId).HasMaxLength(64);
        builder.HasIndex(j => j.IdempotencyKey).IsUnique();
        // The claim query: due queued jobs and expired leases, oldest first.
        builder.HasIndex(j => new { j.Status, j.RunAt });
        builder.HasIndex(j => new { j.ExecutionId, j.TaskId });
    }
}

/// <summary>JSON columns of automations, with enums by name so the stored text reads well.</summary>
internal static class AutomationColumns
{
    public static ValueConverter<T, string> Converter<T>() => new(
        value => JsonSerializer.Serialize(value, AutomationJson.Options),
        text => JsonSerializer.Deserialize<T>(text, AutomationJson.Options)!);

    public static ValueComparer<T> Comparer<T>() => new(
        (left, right) => JsonSerializer.Serialize(left, AutomationJson.Options) == JsonSerializer.Serialize(right, AutomationJson.Options),
        value => JsonSerializer.Serialize(value, AutomationJson.Options).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, AutomationJson.Options), AutomationJson.Options)!);
}
