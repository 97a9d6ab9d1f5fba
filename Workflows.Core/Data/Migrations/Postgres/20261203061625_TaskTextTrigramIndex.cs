using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskTextTrigramIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A trigram index over the task list's search text, so a substring search over everyone's tasks
            // (LIKE '%term%', as TaskSearch asks on PostgreSQL) reads the matching rows instead of scanning every one.
            // SQLite's twin is the FTS5 trigram table flow_tasks_fts. pg_trgm is a trusted extension: the database
            // owner may create it.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX "IX_flow_tasks_SearchText_trgm" ON flow_tasks USING gin ("SearchText" gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_flow_tasks_SearchText_trgm";""");
        }
    }
}
