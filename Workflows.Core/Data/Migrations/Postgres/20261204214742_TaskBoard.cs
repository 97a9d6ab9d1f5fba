using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_saved_views_OwnerId_Name",
                table: "saved_views");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "saved_views",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "dashboard",
                collation: "C");

            migrationBuilder.AddColumn<bool>(
                name: "OrganisationDefault",
                table: "saved_views",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_saved_views_OwnerId_Kind_Name",
                table: "saved_views",
                columns: new[] { "OwnerId", "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_Status_DueSort_ExecutionId_TaskId",
                table: "flow_tasks",
                columns: new[] { "Status", "DueSort", "ExecutionId", "TaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_saved_views_OwnerId_Kind_Name",
                table: "saved_views");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_Status_DueSort_ExecutionId_TaskId",
                table: "flow_tasks");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "saved_views");

            migrationBuilder.DropColumn(
                name: "OrganisationDefault",
                table: "saved_views");

            migrationBuilder.CreateIndex(
                name: "IX_saved_views_OwnerId_Name",
                table: "saved_views",
                columns: new[] { "OwnerId", "Name" },
                unique: true);
        }
    }
}
