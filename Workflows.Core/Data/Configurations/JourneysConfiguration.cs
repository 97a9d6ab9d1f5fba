using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Journeys;

namespace Workflows.Core.Data.Configurations;

internal sealed class JourneyConfiguration : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.ToTable("journeys");
        builder.Property(j => j.Id).HasMaxLength(64);
        builder.Property(j => j.Name).HasMaxLength(200);
        builder.Property(j => j.Description).HasMaxLength(2000);
        builder.Property(j => j.Schema).HasMaxLength(64);
        builder.Property(j => j.UpdatedBy).HasMaxLength(200);
        builder.Property(j => j.Steps)
            .HasConversion(JsonColumn.Converter<List<JourneyStep>>(), JsonColumn.Comparer<List<JourneyStep>>());
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.Ignore(j => j.Fields);
        builder.HasIndex(j => j.Name);
    }
}

internal sealed class JourneySubmissionConfiguration : IEntityTypeConfiguration<JourneySubmission>
{
    public void Configure(EntityTypeBuilder<JourneySubmission> builder)
    {
        builder.ToTable("journey_submissions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.JourneyId).HasMaxLength(64);
        builder.Property(s => s.JourneyName).HasMaxLength(200);
        builder.Property(s => s.EntityId).HasMaxLength(64);
        builder.Property(s => s.EntitySchema).HasMaxLength(64);
        builder.Property(s => s.ExecutionId).HasMaxLength(64);
        builder.Property(s => s.TaskId).HasMaxLength(64);
        builder.Property(s => s.SubmittedById).HasMaxLength(64);
        builder.Property(s => s.SubmittedByName).HasMaxLength(200);
        builder.Property(s => s.LinkId).HasMaxLength(64);
        builder.Property(s => s.Values).HasConversion(JsonColumn.ObjectConverter, JsonColumn.ObjectComparer);
        builder.HasIndex(s => new { s.EntityId, s.SubmittedAt });
        builder.HasIndex(s => new { s.JourneyId, s.SubmittedAt });
    }
}

internal sealed class JourneyLinkConfiguration : IEntityTypeConfiguration<JourneyLink>
{
    public void Configure(EntityTypeBuilder<JourneyLink> builder)
    {
        builder.ToTable("journey_links");
        builder.Property(l => l.Id).HasMaxLength(64);
        builder.Property(l => l.JourneyId).HasMaxLength(64);
        builder.Property(l => l.EntityId).HasMaxLength(64);
        builder.Property(l => l.ExecutionId).HasMaxLength(64);
        builder.Property(l => l.TaskId).HasMaxLength(64);
        builder.Property(l => l.CreatedBy).HasMaxLength(200);
        builder.Property(l => l.SubmissionId).HasMaxLength(64);
        builder.Property(l => l.UsedAt).IsConcurrencyToken();
        builder.HasIndex(l => l.JourneyId);
    }
}
