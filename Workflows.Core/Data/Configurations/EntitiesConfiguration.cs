using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Entities;

namespace Workflows.Core.Data.Configurations;

internal sealed class EntitySchemaConfiguration : IEntityTypeConfiguration<EntitySchema>
{
    public void Configure(EntityTypeBuilder<EntitySchema> builder)
    {
        builder.ToTable("entity_schemas");
        builder.HasKey(s => s.Slug);
        builder.Property(s => s.Slug).HasMaxLength(64);
        builder.Property(s => s.Attributes)
            .HasConversion(JsonColumn.Converter<List<EntityAttribute>>(), JsonColumn.Comparer<List<EntityAttribute>>());
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class EntityRecordConfiguration : IEntityTypeConfiguration<EntityRecord>
{
    public void Configure(EntityTypeBuilder<EntityRecord> builder)
    {
        builder.ToTable("entity_records");
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.Schema).HasMaxLength(64);
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.Property(r => r.Attributes).HasConversion(JsonColumn.ObjectConverter, JsonColumn.ObjectComparer);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<EntitySchema>().WithMany().HasForeignKey(r => r.Schema).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Schema, r.Title });
        builder.Property(r => r.SearchText).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Schema, r.UpdatedAt });
    }
}

internal sealed class UniqueValueConfiguration : IEntityTypeConfiguration<UniqueValue>
{
    public void Configure(EntityTypeBuilder<UniqueValue> builder)
    {
        builder.ToTable("entity_unique_values");
        builder.HasKey(u => new { u.Schema, u.Attribute, u.Value });
        builder.Property(u => u.Schema).HasMaxLength(64);
        builder.Property(u => u.Attribute).HasMaxLength(64);
        builder.Property(u => u.Value).HasMaxLength(UniqueValues.MaxLength);
        builder.Property(u => u.RecordId).HasMaxLength(64);
        builder.HasOne<EntityRecord>().WithMany().HasForeignKey(u => u.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.RecordId);
    }
}

internal sealed class FilterableValueConfiguration : IEntityTypeConfiguration<FilterableValue>
{
    public void Configure(EntityTypeBuilder<FilterableValue> builder)
    {
        builder.ToTable("entity_filterable_values");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Schema).HasMaxLength(64);
        builder.Property(v => v.Attribute).HasMaxLength(64);
        builder.Property(v => v.RecordId).HasMaxLength(64);
        builder.Property(v => v.Text).HasMaxLength(FilterableValues.MaxLength);

        // A filter starts from the value ("amount > 10000" is one range of the first) and joins the tasks by record.
        builder.HasIndex(v => new { v.Schema, v.Attribute, v.Number, v.RecordId });
        builder.HasIndex(v => new { v.Schema, v.Attribute, v.Text, v.RecordId });
        builder.HasIndex(v => new { v.RecordId, v.Attribute });
    }
}
