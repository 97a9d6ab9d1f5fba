using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Core.Identity;
using Workflows.Core.Teams;

namespace Workflows.Core.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("teams");
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(TeamAdministration.MaxNameLength);
        builder.Property(t => t.LastAssignee).HasMaxLength(450);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("team_members");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.Property(m => m.TeamId).HasMaxLength(64);
        // "Which teams am I in" (the claims of a sign-in, the team queue) reads by user.
        builder.HasIndex(m => m.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
