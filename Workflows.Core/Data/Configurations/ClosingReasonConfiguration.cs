using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.ClosingReasons;

namespace Workflows.Core.Data.Configurations;

internal sealed class ClosingReasonConfiguration : IEntityTypeConfiguration<ClosingReason>
{
    public void Configure(EntityTypeBuilder<ClosingReason> builder)
    {
        builder.ToTable("closing_reasons");
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
    }
}
