using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Idempotency;

namespace Workflows.Core.Data.Configurations;

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyEntry>
{
    public void Configure(EntityTypeBuilder<IdempotencyEntry> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(e => new { e.Owner, e.Key });
        builder.Property(e => e.Owner).HasMaxLength(64);
        builder.Property(e => e.Key).HasMaxLength(IdempotencyStore.MaxKeyLength);
        builder.Property(e => e.Fingerprint).HasMaxLength(64);
        builder.Property(e => e.Headers).HasMaxLength(4000);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
