using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FlowStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "flow_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flow_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "flow_executions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TemplateRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PrimaryEntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PrimarySchema = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flow_executions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "flow_template_versions",
                columns: table => new
                {
                    TemplateId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flow_template_versions", x => new { x.TemplateId, x.Revision });
                });

            migrationBuilder.CreateTable(
                name: "flow_templates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ManualSchema = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AutomationTriggered = table.Column<bool>(type: "INTEGER", nullable: false),
                    TaskCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flow_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "flow_tasks",
                columns: table => new
                {
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TaskType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhaseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Unassigned = table.Column<bool>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WorkflowName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntitySchema = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EntityTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HasJourney = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasAutomation = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flow_tasks", x => new { x.ExecutionId, x.TaskId });
                    table.ForeignKey(
                        name: "FK_flow_tasks_flow_executions_ExecutionId",
                        column: x => x.ExecutionId,
                        principalTable: "flow_executions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "flow_task_assignees",
                columns: table => new
                {
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flow_task_assignees", x => new { x.ExecutionId, x.TaskId, x.AssigneeId });
                    table.ForeignKey(
                        name: "FK_flow_task_assignees_flow_tasks_ExecutionId_TaskId",
                        columns: x => new { x.ExecutionId, x.TaskId },
                        principalTable: "flow_tasks",
                        principalColumns: new[] { "ExecutionId", "TaskId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_flow_events_ExecutionId_Id",
                table: "flow_events",
                columns: new[] { "ExecutionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_events_Type_At",
                table: "flow_events",
                columns: new[] { "Type", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_executions_PrimaryEntityId_Deleted",
                table: "flow_executions",
                columns: new[] { "PrimaryEntityId", "Deleted" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_executions_TemplateId_Status",
                table: "flow_executions",
                columns: new[] { "TemplateId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_task_assignees_AssigneeId_IsOpen_DueAt",
                table: "flow_task_assignees",
                columns: new[] { "AssigneeId", "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_EntityId",
                table: "flow_tasks",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_EntitySchema_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "EntitySchema", "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_Status_FinishedAt",
                table: "flow_tasks",
                columns: new[] { "Status", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_TemplateId_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "TemplateId", "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_tasks_Unassigned_IsOpen_DueAt",
                table: "flow_tasks",
                columns: new[] { "Unassigned", "IsOpen", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_templates_ManualSchema_Enabled",
                table: "flow_templates",
                columns: new[] { "ManualSchema", "Enabled" });

            migrationBuilder.CreateIndex(
                name: "IX_flow_templates_Name",
                table: "flow_templates",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "flow_events");

            migrationBuilder.DropTable(
                name: "flow_task_assignees");

            migrationBuilder.DropTable(
                name: "flow_template_versions");

            migrationBuilder.DropTable(
                name: "flow_templates");

            migrationBuilder.DropTable(
                name: "flow_tasks");

            migrationBuilder.DropTable(
                name: "flow_executions");
        }
    }
}
