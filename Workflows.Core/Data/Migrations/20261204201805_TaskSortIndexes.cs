using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_EntityTitle_DueSort",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "EntityTitle", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_Name_DueSort",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "Name", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_PhaseName_DueSort",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "PhaseName", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_Status_DueSort",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "Status", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_UpdatedAt_DueSort",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "UpdatedAt", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_WorkflowName_DueSort",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "WorkflowName", "DueSort" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_EntityTitle_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_Name_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_PhaseName_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_Status_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_UpdatedAt_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_WorkflowName_DueSort",
                table: "flow_tasks");
        }
    }
}
