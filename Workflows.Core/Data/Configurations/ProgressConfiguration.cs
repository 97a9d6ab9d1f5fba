using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Progress;

namespace Workflows.Core.Data.Configurations;

internal sealed class ProgressLinkRevocationConfiguration : IEntityTypeConfiguration<ProgressLinkRevocation>
{
    public void Configure(EntityTypeBuilder<ProgressLinkRevocation> builder)
    {
        builder.ToTable("progress_link_revocations");
        builder.HasKey(r => r.ExecutionId);
        builder.Property(r => r.ExecutionId).HasMaxLength(64);
        builder.HasOne<Flows.Storage.ExecutionRow>().WithMany().HasForeignKey(r => r.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
