using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgressRevocationsDefaultBoards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_default_views",
                table: "default_views");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "default_views",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "dashboard",
                collation: "C");

            migrationBuilder.AddPrimaryKey(
                name: "PK_default_views",
                table: "default_views",
                columns: new[] { "UserId", "Kind" });

            migrationBuilder.CreateTable(
                name: "progress_link_revocations",
                columns: table => new
                {
                    ExecutionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_link_revocations", x => x.ExecutionId);
                    table.ForeignKey(
                        name: "FK_progress_link_revocations_flow_executions_ExecutionId",
                        column: x => x.ExecutionId,
                        principalTable: "flow_executions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "progress_link_revocations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_default_views",
                table: "default_views");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "default_views");

            migrationBuilder.AddPrimaryKey(
                name: "PK_default_views",
                table: "default_views",
                column: "UserId");
        }
    }
}
