using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskDueSort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_EntitySchema_IsOpen_DueAt",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_DueAt",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_TemplateId_IsOpen_DueAt",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_Unassigned_IsOpen_DueAt",
                table: "flow_tasks");

            migrationBuilder.AddColumn<long>(
                name: "DueSort",
                table: "flow_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing rows: DueAt, or the largest instant (Unix milliseconds on SQLite) when there is no due date.
            migrationBuilder.Sql(migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite"
                ? "UPDATE \"flow_tasks\" SET \"DueSort\" = COALESCE(\"DueAt\", 253402300799999);"
                : "UPDATE \"flow_tasks\" SET \"DueSort\" = COALESCE(\"DueAt\", TIMESTAMPTZ '9999-12-31 23:59:59.999+00');");

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_EntitySchema_IsOpen_DueSort",
                table: "flow_tasks",
                columns: new[] { "EntitySchema", "IsOpen", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_DueSort",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_TemplateId_IsOpen_DueSort",
                table: "flow_tasks",
                columns: new[] { "TemplateId", "IsOpen", "DueSort" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_Unassigned_IsOpen_DueSort",
                table: "flow_tasks",
                columns: new[] { "Unassigned", "IsOpen", "DueSort" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_EntitySchema_IsOpen_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_IsOpen_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_TemplateId_IsOpen_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_flow_tasks_Unassigned_IsOpen_DueSort",
                table: "flow_tasks");

            migrationBuilder.DropColumn(
                name: "DueSort",
                table: "flow_tasks");

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_EntitySchema_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "EntitySchema", "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_TemplateId_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "TemplateId", "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_Unassigned_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "Unassigned", "IsOpen", "DueAt" });
        }
    }
}
