using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskPriorityFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpOn",
                table: "flow_tasks",
                type: "TEXT",
                nullable: true);

            // Tasks written before priorities existed have none of their own: they count with the default (TaskPriority.Default).
            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "flow_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 25);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpOn",
                table: "flow_task_assignees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_Priority_IsOpen_DueSort",
                table: "flow_tasks",
                columns: new[] { "Priority", "IsOpen", "DueSort" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_Priority_IsOpen_DueSort",
                table: "flow_tasks");

            // SQLite's own DROP COLUMN, not EF Core's rebuild of the table, which would lose the full-text triggers on flow_tasks.
            migrationBuilder.Sql("ALTER TABLE \"flow_tasks\" DROP COLUMN \"FollowUpOn\";");
            migrationBuilder.Sql("ALTER TABLE \"flow_tasks\" DROP COLUMN \"Priority\";");
            migrationBuilder.Sql("ALTER TABLE \"flow_task_assignees\" DROP COLUMN \"FollowUpOn\";");
        }
    }
}
