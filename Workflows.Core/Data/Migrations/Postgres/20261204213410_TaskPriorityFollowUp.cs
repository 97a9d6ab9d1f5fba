using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations.Postgres
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
                type: "date",
                nullable: true);

            // Tasks written before priorities existed have none of their own: they count with the default (TaskPriority.Default).
            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "flow_tasks",
                type: "integer",
                nullable: false,
                defaultValue: 25);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpOn",
                table: "flow_task_assignees",
                type: "date",
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

            migrationBuilder.DropColumn(
                name: "FollowUpOn",
                table: "flow_tasks");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "flow_tasks");

            migrationBuilder.DropColumn(
                name: "FollowUpOn",
                table: "flow_task_assignees");
        }
    }
}
