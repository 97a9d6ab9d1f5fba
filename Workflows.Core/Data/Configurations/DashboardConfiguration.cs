using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Dashboard;

namespace Workflows.Core.Data.Configurations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.ToTable("saved_views");
        builder.Property(v => v.Id).HasMaxLength(64);
        builder.Property(v => v.OwnerId).HasMaxLength(64);
        builder.Property(v => v.OwnerName).HasMaxLength(200);
        builder.Property(v => v.Name).HasMaxLength(100);
        builder.Property(v => v.Query).HasMaxLength(2000);
        builder.Property(v => v.Kind).HasMaxLength(16).HasDefaultValue(SavedView.DashboardKind);
        builder.HasIndex(v => new { v.OwnerId, v.Kind, v.Name }).IsUnique();
        builder.HasIndex(v => v.Shared);
    }
}

internal sealed class DefaultViewConfiguration : IEntityTypeConfiguration<DefaultView>
{
    public void Configure(EntityTypeBuilder<DefaultView> builder)
    {
        builder.ToTable("default_views");
        builder.HasKey(d => new { d.UserId, d.Kind });
        builder.Property(d => d.UserId).HasMaxLength(64);
        builder.Property(d => d.ViewId).HasMaxLength(64);
        builder.Property(d => d.Kind).HasMaxLength(16).HasDefaultValue(SavedView.DashboardKind);
    }
}
