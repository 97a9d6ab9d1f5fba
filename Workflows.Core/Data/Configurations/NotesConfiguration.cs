using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Notes;
using Workflows.Core.Notifications;

namespace Workflows.Core.Data.Configurations;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("notes");
        builder.Property(n => n.Id).HasMaxLength(64);
        builder.Property(n => n.EntityId).HasMaxLength(64);
        builder.Property(n => n.ExecutionId).HasMaxLength(64);
        builder.Property(n => n.TaskId).HasMaxLength(64);
        builder.Property(n => n.ParentId).HasMaxLength(64);
        builder.Property(n => n.AuthorId).HasMaxLength(64);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(NoteService.MaxLength);
        builder.HasIndex(n => new { n.EntityId, n.ExecutionId, n.TaskId });
        builder.Ignore(n => n.Target);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Id).HasMaxLength(64);
        builder.Property(n => n.UserId).HasMaxLength(64);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
