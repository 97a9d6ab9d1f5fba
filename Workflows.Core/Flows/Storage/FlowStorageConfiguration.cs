using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Storage;

internal sealed class TemplateRowConfiguration : IEntityTypeConfiguration<TemplateRow>
{
    public void Configure(EntityTypeBuilder<TemplateRow> builder)
    {
        builder.ToTable("flow_templates");
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.ManualSchema).HasMaxLength(64);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.HasIndex(t => new { t.ManualSchema, t.Enabled });
        builder.HasIndex(t => t.Name);
    }
}

internal sealed class TemplateVersionRowConfiguration : IEntityTypeConfiguration<TemplateVersionRow>
{
    public void Configure(EntityTypeBuilder<TemplateVersionRow> builder)
    {
        builder.ToTable("flow_template_versions");
        builder.HasKey(v => new { v.TemplateId, v.Revision });
        builder.Property(v => v.TemplateId).HasMaxLength(64);
        builder.Property(v => v.Name).HasMaxLength(200);
    }
}

internal sealed class ExecutionRowConfiguration : IEntityTypeConfiguration<ExecutionRow>
{
    public void Configure(EntityTypeBuilder<ExecutionRow> builder)
    {
        builder.ToTable("flow_executions");
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.Property(e => e.TemplateId).HasMaxLength(64);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.PrimaryEntityId).HasMaxLength(64);
        builder.Property(e => e.PrimarySchema).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.PrimaryEntityId, e.Deleted });
        builder.HasIndex(e => new { e.TemplateId, e.Status });
    }
}

internal sealed class TaskRowConfiguration : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> builder)
    {
        builder.ToTable("flow_tasks");
        builder.HasKey(t => new { t.ExecutionId, t.TaskId });
        builder.Property(t => t.ExecutionId).HasMaxLength(64);
        builder.Property(t => t.TaskId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(300);
        builder.Property(t => t.TaskType).HasMaxLength(16);
        builder.Property(t => t.Status).HasMaxLength(24);
        builder.Property(t => t.PhaseId).HasMaxLength(64);
        builder.Property(t => t.PhaseName).HasMaxLength(200);
        builder.Property(t => t.DueText).HasMaxLength(200);
        builder.Property(t => t.DueRule).HasMaxLength(400).HasConversion(
            rule => JsonSerializer.Serialize(rule, FlowJson.Options), json => JsonSerializer.Deserialize<PendingDueRule>(json, FlowJson.Options));
        builder.Property(t => t.TemplateId).HasMaxLength(64);
        builder.Property(t => t.WorkflowName).HasMaxLength(200);
        builder.Property(t => t.EntityId).HasMaxLength(64);
        builder.Property(t => t.EntitySchema).HasMaxLength(64);
        builder.Property(t => t.EntityTitle).HasMaxLength(500);
        builder.Property(t => t.SearchText).HasMaxLength(1000);
        builder.HasOne<ExecutionRow>().WithMany().HasForeignKey(t => t.ExecutionId).OnDelete(DeleteBehavior.Cascade);
        // Every list is "open (or not), soonest due first": DueSort (never null) serves both the due filters and the order.
        builder.HasIndex(t => new { t.IsOpen, t.DueSort });
        builder.HasIndex(t => new { t.Unassigned, t.IsOpen, t.DueSort });
        builder.HasIndex(t => new { t.TemplateId, t.IsOpen, t.DueSort });
        builder.HasIndex(t => new { t.EntitySchema, t.IsOpen, t.DueSort });
        // Everyone's open tasks sorted by another column: the index walks the page in order (ADR-024). Each sort is
        // "column, then soonest due", and its descending form is the exact reverse, so one index serves both.
        builder.HasIndex(t => new { t.IsOpen, t.Name, t.DueSort });
        builder.HasIndex(t => new { t.IsOpen, t.WorkflowName, t.DueSort });
        builder.HasIndex(t => new { t.IsOpen, t.EntityTitle, t.DueSort });
        builder.HasIndex(t => new { t.IsOpen, t.PhaseName, t.DueSort });
        builder.HasIndex(t => new { t.IsOpen, t.Status, t.DueSort });
        builder.HasIndex(t => new { t.IsOpen, t.UpdatedAt, t.DueSort });
        builder.HasIndex(t => new { t.Status, t.FinishedAt });
        builder.HasIndex(t => t.EntityId);
        // By priority, read forwards (lowest first) or backwards (highest first) with IsOpen tested in the index; Priority
        // leads so that the due-date lists above never choose it for their IsOpen range (ADR-028).
        builder.HasIndex(t => new { t.Priority, t.IsOpen, t.DueSort });
        // A status board's column: its count and its first cards in the list's whole order (due, then execution and
        // task), so the page is the range's first entries and SQLite never prefers (Status, FinishedAt) and a sort.
        builder.HasIndex(t => new { t.Status, t.DueSort, t.ExecutionId, t.TaskId });
    }
}

internal sealed class TaskAssigneeRowConfiguration : IEntityTypeConfiguration<TaskAssigneeRow>
{
    public void Configure(EntityTypeBuilder<TaskAssigneeRow> builder)
    {
        builder.ToTable("flow_task_assignees");
        builder.HasKey(a => new { a.ExecutionId, a.TaskId, a.AssigneeId });
        builder.Property(a => a.AssigneeId).HasMaxLength(64);
        builder.Property(a => a.ExecutionId).HasMaxLength(64);
        builder.Property(a => a.TaskId).HasMaxLength(64);
        builder.HasOne<TaskRow>().WithMany().HasForeignKey(a => new { a.ExecutionId, a.TaskId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AssigneeId, a.IsOpen, a.DueAt });
    }
}

internal sealed class EventRowConfiguration : IEntityTypeConfiguration<EventRow>
{
    public void Configure(EntityTypeBuilder<EventRow> builder)
    {
        builder.ToTable("flow_events");
        builder.Property(e => e.ExecutionId).HasMaxLength(64);
        builder.Property(e => e.Type).HasMaxLength(40);
        builder.Property(e => e.TaskId).HasMaxLength(64);
        builder.Property(e => e.PhaseId).HasMaxLength(64);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        // Unbounded like the summary it words: it holds the same names (a list of current tasks can be long).
        builder.Property(e => e.Line).HasConversion(
            line => JsonSerializer.Serialize(line, FlowJson.Options), json => JsonSerializer.Deserialize<HistoryLine>(json, FlowJson.Options));
        builder.HasIndex(e => new { e.ExecutionId, e.Id });
        builder.HasIndex(e => new { e.Type, e.At });
    }
}
