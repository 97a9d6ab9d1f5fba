using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskDueRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DueRule",
                table: "flow_tasks",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF Core's rebuild of the table, which would lose the full-text triggers on flow_tasks.
            migrationBuilder.Sql("ALTER TABLE \"flow_tasks\" DROP COLUMN \"DueRule\";");
        }
    }
}
